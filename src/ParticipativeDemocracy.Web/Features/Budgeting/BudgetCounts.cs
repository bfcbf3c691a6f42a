using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Ballots and registry rows per budget as the database keeps them (migration BallotCounts): reading them costs the
/// same at ten ballots as at a million. Within one budget a registry row is one person.
/// </summary>
public static class BudgetCounts
{
    public static async Task<Dictionary<Guid, BudgetCount>> ForAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<BudgetCount>($"""
            SELECT "BudgetId", sum("Ballots")::int AS "Ballots", sum("Voters")::int AS "Voters"
            FROM app."BallotCounts"
            WHERE "ProcessId" = {processId}
            GROUP BY 1
            """).ToDictionaryAsync(c => c.BudgetId, cancellationToken);

    /// <summary>
    /// The people who voted in any budget of the process (the turnout): distinct registry keys, but an account key
    /// counts with the roll key of the entry that account proved when the registry holds that roll key too. Someone
    /// who voted under their account in one budget and, roll-proven since, in another is one person with two keys;
    /// the ballot path keeps both rows (each budget's "has voted"), so turnout joins them here, off the ballot path.
    /// </summary>
    public static async Task<int> VotersAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>($"""
            WITH keys AS (
                SELECT DISTINCT "VoterKey" AS key FROM app."VoterRecords" WHERE "ProcessId" = {processId}
            ), proven AS (
                SELECT DISTINCT u.key
                FROM keys u
                JOIN app."RollVerifications" v ON u.key = 'user:' || replace(v."UserId"::text, '-', '')
                JOIN app."VoterRollEntries" e ON e."Id" = v."EntryId"
                JOIN keys r ON r.key = 'roll:' || e."ReferenceHash"
                WHERE u.key LIKE 'user:%'
            )
            SELECT ((SELECT count(*) FROM keys) - (SELECT count(*) FROM proven))::int AS "Value"
            """).SingleAsync(cancellationToken);

    public sealed record BudgetCount(Guid BudgetId, int Ballots, int Voters);
}
