using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParticipativeDemocracy.Web.Common.Errors;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// A person votes on paper or online (or assisted) in a process, not both, whichever of its budgets: the
/// database holds this as an exclusion constraint on the registry (migration PaperOrOnline, ADR 0007), so
/// two ballots racing through different budgets cannot both get in.
/// </summary>
public static class PaperOrOnline
{
    public const string Constraint = "EX_VoterRecords_PaperOrOnline";

    /// <summary>Runs a registry write returning one row; a violation of the constraint becomes 409 with <paramref name="conflict"/>.</summary>
    public static async Task<T> SingleAsync<T>(IQueryable<T> write, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            return (await write.ToListAsync(cancellationToken)).Single();
        }
        catch (Exception ex) when ((ex as PostgresException ?? ex.InnerException as PostgresException) is
                                   { SqlState: PostgresErrorCodes.ExclusionViolation, ConstraintName: Constraint })
        {
            throw new ConflictException(conflict);
        }
    }
}
