using System.Data.Common;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Jobs;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>Raised after the transaction that stored a budget's outcome has committed.</summary>
public sealed record BudgetOutcomeStored(Guid ProcessId) : INotification;

/// <summary>
/// Writes the feedback mail straight after the outcome commits, so it is done when the close job
/// returns; if that fails, Hangfire retries it. The feedback command is idempotent, so a retry or a
/// second run never mails anyone twice.
/// </summary>
public sealed partial class FeedbackOnOutcome(ISender sender, IBackgroundJobClient jobs, ILogger<FeedbackOnOutcome> logger)
    : INotificationHandler<BudgetOutcomeStored>
{
    public async ValueTask Handle(BudgetOutcomeStored notification, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new SendBudgetFeedback.Command(notification.ProcessId), cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            LogRetry(logger, ex, notification.ProcessId);
            jobs.Enqueue<SendBudgetFeedbackJob>(job => job.RunAsync(notification.ProcessId, CancellationToken.None));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback for budget {ProcessId} failed; Hangfire will retry it")]
    private static partial void LogRetry(ILogger logger, Exception exception, Guid processId);
}
