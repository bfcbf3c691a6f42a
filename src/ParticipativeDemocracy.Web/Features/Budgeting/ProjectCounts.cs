using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Votes and points per project on the ballot. The database keeps them as ballots come and go (triggers on the
/// ballots, migration BallotTallies), in a few shards per project so concurrent ballots rarely wait for each
/// other; reading them costs the same at ten ballots as at a million.
/// </summary>
public static class ProjectCounts
{
    public static async Task<IReadOnlyList<ProjectTally>> ForAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        var counts = await db.Database.SqlQuery<ProjectCount>($"""
            SELECT "ProjectId", sum("Votes")::int AS "Votes", sum("Points")::int AS "Points"
            FROM app."BallotTallies"
            WHERE "ProcessId" = {processId}
            GROUP BY 1
            """).ToDictionaryAsync(c => c.ProjectId, cancellationToken);
        var projects = await db.BudgetProjects.AsNoTracking()
            .Where(p => p.ProcessId == processId && p.Status == ProposalStatus.Feasible)
            .OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Title, p.BudgetId })
            .ToListAsync(cancellationToken);
        return projects
            .Select(p => new ProjectTally(p.Id, p.Code, p.Title,
                counts.GetValueOrDefault(p.Id)?.Votes ?? 0, counts.GetValueOrDefault(p.Id)?.Points ?? 0, p.BudgetId))
            .ToList();
    }

    internal sealed record ProjectCount(Guid ProjectId, int Votes, int Points);
}
