using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>Shared by the vote's slices: loading a recommendation under a row lock and counting its votes.</summary>
public static class RecommendationVoting
{
    /// <summary>Locks the recommendation's row, so a vote and the close of its vote never interleave.</summary>
    public static async Task<Recommendation> LockAsync(AppDbContext db, Guid recommendationId, CancellationToken cancellationToken) =>
        await db.Recommendations
            .FromSql($"""SELECT * FROM app."Recommendations" WHERE "Id" = {recommendationId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Recommendation", recommendationId);

    public static async Task<(int Support, int Oppose, int Abstain)> CountAsync(
        AppDbContext db, Guid recommendationId, CancellationToken cancellationToken)
    {
        var counts = await db.RecommendationVotes.AsNoTracking().Where(v => v.RecommendationId == recommendationId)
            .GroupBy(v => v.Choice).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (counts.GetValueOrDefault(VoteChoice.Support), counts.GetValueOrDefault(VoteChoice.Oppose), counts.GetValueOrDefault(VoteChoice.Abstain));
    }

    /// <summary>Adopted when the share of support among all votes cast (abstentions included) reaches the threshold.</summary>
    public static bool Reaches(int support, int oppose, int abstain, int thresholdPercent)
    {
        var cast = support + oppose + abstain;
        return cast > 0 && support * 100 >= thresholdPercent * cast;
    }
}

public sealed record RecommendationTallyView(
    Guid RecommendationId, string Code, string Status, int ThresholdPercent, int Support, int Oppose, int Abstain, int Members);
