using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>The proposals of a budget with their review outcome; withdrawn ones are left out.</summary>
public static class ListProjects
{
    public sealed record Query(Guid ProcessId) : IQuery<IReadOnlyList<ProjectView>>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<ProjectView>>
    {
        public async ValueTask<IReadOnlyList<ProjectView>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.BudgetProjects.AsNoTracking()
                .Where(p => p.ProcessId == query.ProcessId && p.Status != ProposalStatus.Withdrawn)
                .OrderBy(p => p.Code)
                .Select(p => new ProjectView(p.Id, p.Code, p.Title, p.Description, p.District, p.Category,
                    p.FinalCost ?? p.EstimatedCost, p.Status, p.ReviewReason, p.BudgetId))
                .ToListAsync(cancellationToken);
    }

    public static RouteGroupBuilder MapListProjects(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/projects", async Task<Ok<IReadOnlyList<ProjectView>>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(ListProjects))
            .AllowAnonymous();
        return group;
    }
}
