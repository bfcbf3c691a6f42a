using Mediator;
using Microsoft.AspNetCore.SignalR;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Realtime;

/// <summary>
/// Coalesces ballots into a few tally pushes per second per process: a ballot only marks its process
/// as changed; one fresh tally per changed process is sent each interval, never one per ballot.
/// </summary>
public sealed class TallyBroadcaster(
    IServiceScopeFactory scopes,
    IHubContext<ProcessHub, IProcessClient> hub,
    ILogger<TallyBroadcaster> logger) : CoalescingBroadcaster<Guid>(logger, Interval)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task PushAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        // One count for both audiences: each costs a pass over every ballot of the process.
        var forOfficers = await sender.Send(new GetTally.Query(key, AsOfficer: true), cancellationToken);
        await hub.Clients.Group(ProcessHub.OfficerGroupOf(key)).TallyChanged(forOfficers);
        await hub.Clients.Group(ProcessHub.GroupOf(key)).TallyChanged(forOfficers.ForPublic());
    }
}

/// <summary>Mediator creates handlers per scope, so the singleton broadcaster is reached through this one.</summary>
public sealed class BallotCastHandler(TallyBroadcaster broadcaster) : INotificationHandler<BallotCast>
{
    public ValueTask Handle(BallotCast notification, CancellationToken cancellationToken)
    {
        broadcaster.MarkChanged(notification.ProcessId);
        return ValueTask.CompletedTask;
    }
}
