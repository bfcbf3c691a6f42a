using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Paper ballots received by the deadline may still be keyed, resolved and put in the box after online voting
/// closes, until the count (ADR 0011). Before the deadline a paper writer holds the ballot box gate shared, as
/// online ballots do; after it, exclusively, so paper writers take turns and the one that settles the last batch
/// sees every other batch as it is — the count then runs exactly once, never zero times.
/// </summary>
public static class PaperWindow
{
    public const string CountedMessage = "The votes have been counted: paper ballots can no longer be keyed, resolved or added.";

    /// <summary>409 before voting opens and once the count is done.</summary>
    public static void EnsureOpen(BudgetSettings settings, DateTimeOffset now)
    {
        if (settings.CountedAt is not null)
        {
            throw new ConflictException(CountedMessage);
        }

        if (settings.ClosedAt is null && now < settings.VotingOpensAt)
        {
            throw new ConflictException($"Voting opens at {settings.VotingOpensAt:yyyy-MM-dd HH:mm} UTC.");
        }
    }

    /// <summary>
    /// Takes the gate for a paper write, held until the transaction ends; 409 if the count has been done meanwhile.
    /// True when online voting has closed, so the write that settles the last batch must count.
    /// </summary>
    public static async Task<bool> EnterAsync(AppDbContext db, BudgetSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (settings.ClosedAt is null && now < settings.VotingClosesAt)
        {
            await BallotBoxGate.EnsureOpenAsync(db, settings.ProcessId, cancellationToken);
            return false;
        }

        await BallotBoxGate.CloseAsync(db, settings.ProcessId, cancellationToken);
        // A fresh read after the gate: another paper writer or the close may have committed while we waited.
        var state = await db.BudgetSettings.AsNoTracking().Where(s => s.ProcessId == settings.ProcessId)
            .Select(s => new { s.ClosedAt, s.CountedAt }).SingleAsync(cancellationToken);
        if (state.CountedAt is not null)
        {
            throw new ConflictException(CountedMessage);
        }

        return state.ClosedAt is not null;
    }
}
