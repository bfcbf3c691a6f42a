using System.Collections.Concurrent;
using Mediator;
using Microsoft.AspNetCore.SignalR;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Features.Polls;

namespace ParticipativeDemocracy.Web.Realtime;

/// <summary>
/// Coalesces poll answers into a few result pushes per second per poll, like <see cref="TallyBroadcaster"/>.
/// Officers' watchers always get them; public watchers only when the officer allowed live results.
/// </summary>
public sealed partial class PollResultsBroadcaster(
    IServiceScopeFactory scopes,
    IHubContext<ProcessHub, IProcessClient> hub,
    ILogger<PollResultsBroadcaster> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, byte> _changed = new();

    public void MarkChanged(Guid processId) => _changed[processId] = 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TallyBroadcaster.Interval);
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
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var poll = await PollRules.LoadAsync(db, processId, cancellationToken);
            var results = await sender.Send(new GetPollResults.Query(processId, Privileged: true, ByPlayerLevel: false), cancellationToken);
            await hub.Clients.Group(ProcessHub.OfficerGroupOf(processId)).PollResultsChanged(results);
            if (PollRules.PublicCanSeeResults(poll))
            {
                await hub.Clients.Group(ProcessHub.GroupOf(processId)).PollResultsChanged(results);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPushFailed(logger, ex, processId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push the results of poll {ProcessId}")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid processId);
}

public sealed class PollAnsweredHandler(PollResultsBroadcaster broadcaster) : INotificationHandler<PollAnswered>
{
    public ValueTask Handle(PollAnswered notification, CancellationToken cancellationToken)
    {
        broadcaster.MarkChanged(notification.ProcessId);
        return ValueTask.CompletedTask;
    }
}
