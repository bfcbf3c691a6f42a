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

    public sealed record BudgetCount(Guid BudgetId, int Ballots, int Voters);
}
