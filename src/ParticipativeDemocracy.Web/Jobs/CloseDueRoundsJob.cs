using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Features.Deliberation;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Every minute: close each deliberation round whose deadline has passed. Closing happens once per round.</summary>
public sealed class CloseDueRoundsJob(AppDbContext db, ISender sender, TimeProvider clock)
{
    public const string Id = "close-due-rounds";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.DeliberationRounds.AsNoTracking()
            .Where(r => r.ClosedAt == null && r.ClosesAt <= now)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var roundId in due)
        {
            closed += await sender.Send(new CloseRound.Command(roundId), cancellationToken) ? 1 : 0;
        }

        return closed;
    }
}
