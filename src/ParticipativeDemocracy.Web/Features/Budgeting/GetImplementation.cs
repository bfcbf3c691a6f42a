using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>The funded projects of a budget with their latest implementation status: "you said, we did" at a glance.</summary>
public static class GetImplementation
{
    public sealed record Query(Guid ProcessId) : IQuery<ImplementationView>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, ImplementationView>
    {
        public async ValueTask<ImplementationView> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await db.Processes.AsNoTracking().Include(p => p.Organisation)
                .SingleOrDefaultAsync(p => p.Id == query.ProcessId, cancellationToken)
                ?? throw new NotFoundException("Process", query.ProcessId);
            var selected = await ProcessBudgets.SelectedCodesAsync(db, query.ProcessId, cancellationToken);
            var funded = selected is null
                ? []
                : await db.BudgetProjects.AsNoTracking()
                    .Where(p => p.ProcessId == query.ProcessId && selected.Contains(p.Code))
                    .OrderBy(p => p.Code)
                    .Select(p => new FundedProject(p.Id, p.Code, p.Title, p.ImplementationStatus,
                        db.ProjectUpdates.Count(u => u.ProjectId == p.Id),
                        db.ProjectFollowers.Count(f => f.ProjectId == p.Id)))
                    .ToListAsync(cancellationToken);
            return new ImplementationView(process.Id, process.Title, process.Slug, process.Organisation?.TimeZone ?? "Europe/London",
                selected is not null, funded);
        }
    }

    public static RouteGroupBuilder MapGetImplementation(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/implementation", async Task<Ok<ImplementationView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetImplementation))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}

public sealed record ImplementationView(
    Guid ProcessId, string Title, string Slug, string TimeZone, bool ResultsPublished, IReadOnlyList<FundedProject> Projects);

public sealed record FundedProject(
    Guid Id, string Code, string Title, Data.Entities.Budgeting.ImplementationStatus? Status, int Updates, int Followers);
