using Mediator;
using Microsoft.AspNetCore.SignalR;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Features.Polls;

namespace ParticipativeDemocracy.Web.Realtime;

/// <summary>
/// Coalesces poll answers into a few result pushes per second per poll, in the same window as the tallies.
/// Officers' watchers always get them; public watchers only when the officer allowed live results.
/// </summary>
public sealed class PollResultsBroadcaster(
    IServiceScopeFactory scopes,
    IHubContext<ProcessHub, IProcessClient> hub,
    ILogger<PollResultsBroadcaster> logger) : CoalescingBroadcaster<Guid>(logger, TallyBroadcaster.Interval)
{
    protected override async Task PushAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var poll = await PollRules.LoadAsync(db, key, cancellationToken);
        var results = await sender.Send(new GetPollResults.Query(key, Privileged: true, ByPlayerLevel: false), cancellationToken);
        await hub.Clients.Group(ProcessHub.OfficerGroupOf(key)).PollResultsChanged(results);
        if (PollRules.PublicCanSeeResults(poll))
        {
            await hub.Clients.Group(ProcessHub.GroupOf(key)).PollResultsChanged(results);
        }
    }
}

public sealed class PollAnsweredHandler(PollResultsBroadcaster broadcaster) : INotificationHandler<PollAnswered>
{
    public ValueTask Handle(PollAnswered notification, CancellationToken cancellationToken)
    {
        broadcaster.MarkChanged(notification.ProcessId);
        return ValueTask.CompletedTask;
    }
}
