using Mediator;
using ParticipativeDemocracy.Web.Features.Polls;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Every minute: open and close service-user polls on time. Each change happens exactly once.</summary>
public sealed class AdvancePollsJob(ISender sender)
{
    public const string Id = "advance-polls";

    public async Task<AdvancePolls.Advanced> RunAsync(CancellationToken cancellationToken) =>
        await sender.Send(new AdvancePolls.Command(), cancellationToken);
}
