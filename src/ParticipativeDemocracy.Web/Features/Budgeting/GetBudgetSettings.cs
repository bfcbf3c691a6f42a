using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>For officers: a budget's configuration (null before the first save) and its proposals, drafts included.</summary>
public static class GetBudgetSettings
{
    public sealed record Query(Guid ProcessId) : IQuery<BudgetAdminView>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, BudgetAdminView>
    {
        public async ValueTask<BudgetAdminView> Handle(Query query, CancellationToken cancellationToken)
        {
            await BudgetPhase.EnsureBudgetProcessAsync(db, query.ProcessId, cancellationToken);
            var process = await db.Processes.AsNoTracking().Include(p => p.Organisation)
                .SingleAsync(p => p.Id == query.ProcessId, cancellationToken);
            var settings = await db.BudgetSettings.AsNoTracking().SingleOrDefaultAsync(b => b.ProcessId == query.ProcessId, cancellationToken);
            var proposals = await db.BudgetProjects.AsNoTracking()
                .Where(p => p.ProcessId == query.ProcessId)
                .OrderBy(p => p.Code)
                .Select(p => new ProjectView(p.Id, p.Code, p.Title, p.Description, p.District, p.Category,
                    p.FinalCost ?? p.EstimatedCost, p.Status, p.ReviewReason, p.BudgetId))
                .ToListAsync(cancellationToken);
            return new BudgetAdminView(process.Id, process.Title, process.Slug, process.Organisation?.TimeZone ?? "Europe/London", settings, proposals);
        }
    }

    public static RouteGroupBuilder MapGetBudgetSettings(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/budget", async Task<Ok<BudgetAdminView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetBudgetSettings))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}

public sealed record BudgetAdminView(
    Guid ProcessId, string Title, string Slug, string TimeZone, BudgetSettings? Settings, IReadOnlyList<ProjectView> Proposals);
