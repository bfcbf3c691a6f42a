using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>The budgets of a process, in the officers' order: public, like the amounts on the budget page.</summary>
public static class ListBudgets
{
    public sealed record Query(Guid ProcessId) : IQuery<IReadOnlyList<BudgetView>>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<BudgetView>>
    {
        public async ValueTask<IReadOnlyList<BudgetView>> Handle(Query query, CancellationToken cancellationToken)
        {
            await BudgetPhase.LoadSettingsAsync(db, query.ProcessId, cancellationToken);
            return (await ProcessBudgets.LoadAsync(db, query.ProcessId, cancellationToken))
                .Select(b => new BudgetView(b.Id, b.Name, b.Amount, b.District)).ToList();
        }
    }

    public static RouteGroupBuilder MapListBudgets(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/budgets", async Task<Ok<IReadOnlyList<BudgetView>>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(ListBudgets))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}
