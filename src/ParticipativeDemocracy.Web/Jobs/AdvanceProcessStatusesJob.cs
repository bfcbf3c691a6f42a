using Mediator;
using ParticipativeDemocracy.Web.Features.Processes;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Thin Hangfire entry point: the work is the same command the API could send.</summary>
public sealed class AdvanceProcessStatusesJob(ISender sender)
{
    public const string Id = "advance-process-statuses";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await sender.Send(new AdvanceProcessStatuses.Command(), cancellationToken);
}
