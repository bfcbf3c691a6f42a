using System.Collections.Concurrent;
using Mediator;
using Microsoft.AspNetCore.SignalR;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Realtime;

/// <summary>
/// Coalesces ballots into a few tally pushes per second per process: a ballot only marks its process
/// as changed; a loop sends one fresh tally per changed process each interval, never one per ballot.
/// </summary>
public sealed partial class TallyBroadcaster(
    IServiceScopeFactory scopes,
    IHubContext<ProcessHub, IProcessClient> hub,
    ILogger<TallyBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<Guid, byte> _changed = new();

    public void MarkChanged(Guid processId) => _changed[processId] = 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var processId in _changed.Keys)
            {
                _changed.TryRemove(processId, out _);
                await PushAsync(processId, stoppingToken);
            }
        }
    }

    private async Task PushAsync(Guid processId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var forOfficers = await sender.Send(new GetTally.Query(processId, AsOfficer: true), cancellationToken);
            var forPublic = await sender.Send(new GetTally.Query(processId, AsOfficer: false), cancellationToken);
            await hub.Clients.Group(ProcessHub.OfficerGroupOf(processId)).TallyChanged(forOfficers);
            await hub.Clients.Group(ProcessHub.GroupOf(processId)).TallyChanged(forPublic);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPushFailed(logger, ex, processId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push the tally of process {ProcessId}")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid processId);
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
