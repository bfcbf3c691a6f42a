using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A round's question, deadline, whether it is closed, and everything members said in it.</summary>
public static class GetRound
{
    public sealed record Query(Guid RoundId) : IQuery<RoundView>;

    public sealed record RoundView(
        Guid Id, Guid ProcessId, string Question, DateTimeOffset ClosesAt, DateTimeOffset? ClosedAt, bool IsOpen,
        IReadOnlyDictionary<Stance, int> Positions, IReadOnlyList<ContributionView> Contributions);

    public sealed record ContributionView(string Name, Stance Stance, string Text, DateTimeOffset PostedAt);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, RoundView>
    {
        public async ValueTask<RoundView> Handle(Query query, CancellationToken cancellationToken)
        {
            var round = await db.DeliberationRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.RoundId, cancellationToken)
                ?? throw new NotFoundException("Round", query.RoundId);
            var contributions = await db.RoundContributions.AsNoTracking().Where(c => c.RoundId == round.Id)
                .OrderBy(c => c.PostedAt).ThenBy(c => c.Id)
                .Select(c => new ContributionView(c.DisplayName, c.Stance, c.Text, c.PostedAt)).ToListAsync(cancellationToken);
            var positions = Enum.GetValues<Stance>().ToDictionary(s => s, s => contributions.Count(c => c.Stance == s));
            var open = round.ClosedAt is null && round.ClosesAt > clock.GetUtcNow();
            return new RoundView(round.Id, round.ProcessId, round.Question, round.ClosesAt, round.ClosedAt, open, positions, contributions);
        }
    }

    public static RouteGroupBuilder MapGetRound(this RouteGroupBuilder group)
    {
        group.MapGet("/rounds/{roundId:guid}", async Task<Ok<RoundView>> (
                Guid roundId, ClaimsPrincipal user, ISender sender, AppDbContext db, CancellationToken ct) =>
            {
                var round = await sender.Send(new Query(roundId), ct);
                await JuryAccess.EnsureInsiderAsync(db, round.ProcessId, user, ct);
                return TypedResults.Ok(round);
            })
            .WithName(nameof(GetRound))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
