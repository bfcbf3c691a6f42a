using Mediator;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Every minute: open the budget phases whose time has come. Opening is idempotent.</summary>
public sealed class AdvanceBudgetPhasesJob(ISender sender)
{
    public const string Id = "advance-budget-phases";

    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await sender.Send(new AdvanceBudgetPhases.Command(), cancellationToken);
}
