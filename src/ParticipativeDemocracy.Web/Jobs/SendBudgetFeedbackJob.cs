using Hangfire;
using Mediator;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Tells proposers and followers a budget's results, once the outcome is stored.</summary>
public sealed class SendBudgetFeedbackJob(ISender sender)
{
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [10, 60, 300, 1800, 3600, 7200])]
    public async Task<bool> RunAsync(Guid processId, CancellationToken cancellationToken) =>
        (await sender.Send(new SendBudgetFeedback.Command(processId), cancellationToken)).Sent;
}
