using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>Votes and points per project on the ballot, counted in the database over the ballots' JSON choices.</summary>
public static class ProjectCounts
{
    public static async Task<IReadOnlyList<ProjectTally>> ForAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        var counts = await db.Database.SqlQuery<ProjectCount>($"""
            SELECT (c->>'ProjectId')::uuid AS "ProjectId", count(*)::int AS "Votes", coalesce(sum((c->>'Points')::int), 0)::int AS "Points"
            FROM app."BudgetBallots" b CROSS JOIN LATERAL jsonb_array_elements(b."Choices") c
            WHERE b."ProcessId" = {processId}
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
