using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Keeps ballots and the count apart. Every statement that puts a ballot in the box first calls
/// <c>app.ballot_box_open(process)</c>, which takes this process's gate in shared mode and then reads
/// whether voting has closed with a fresh snapshot; the close takes the gate exclusively before it marks
/// the process closed and counts. So a ballot either commits before the count reads the box, or waits
/// for the close and is refused — never lands after the count, where the published file would no
/// longer match the stored result.
/// </summary>
public static class BallotBoxGate
{
    /// <summary>
    /// The first half of the two-key advisory lock; the second is <c>hashtext(process id)</c>. The function
    /// <c>app.ballot_box_open</c> (migration BallotBoxGate) takes the same lock.
    /// </summary>
    public const int LockClass = 1_651_076_195;

    public const string ClosedMessage = "Voting has closed. Ballots can no longer be cast or changed.";

    /// <summary>Held until the closing transaction ends: ballots in flight finish first, later ones wait and are refused.</summary>
    public static Task CloseAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, hashtext({processId.ToString()}))", cancellationToken);

    /// <summary>For writers that run in a transaction of their own (paper batches): the gate stays shared until it commits.</summary>
    public static async Task EnsureOpenAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        var open = await db.Database.SqlQuery<bool>($"SELECT app.ballot_box_open({processId}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!open)
        {
            throw new ConflictException(ClosedMessage);
        }
    }
}
