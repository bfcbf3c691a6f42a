using Mediator;
using ParticipativeDemocracy.Web.Features.Promises;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Hourly: remind officers of promised dates a week ahead, once per item.</summary>
public sealed class RemindPromisedDatesJob(ISender sender)
{
    public const string Id = "remind-promised-dates";

    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await sender.Send(new SendPromiseReminders.Command(), cancellationToken);
}
