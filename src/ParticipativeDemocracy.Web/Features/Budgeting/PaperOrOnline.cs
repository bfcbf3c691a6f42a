using Npgsql;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// A person votes on paper or online (or assisted) in a process, not both, whichever of its budgets: the
/// database holds this as an exclusion constraint on the registry (migration PaperOrOnline, ADR 0007), so
/// two ballots racing through different budgets cannot both get in.
/// </summary>
public static class PaperOrOnline
{
    public const string Constraint = "EX_VoterRecords_PaperOrOnline";

    /// <summary>Whether a registry write failed on this constraint: the voter voted through the other channel.</summary>
    public static bool IsViolation(PostgresException e) => e is { SqlState: PostgresErrorCodes.ExclusionViolation, ConstraintName: Constraint };
}
