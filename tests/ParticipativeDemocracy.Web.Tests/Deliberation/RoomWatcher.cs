using Microsoft.AspNetCore.SignalR.Client;
using ParticipativeDemocracy.Web.Features.Deliberation;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

/// <summary>What one client believes the room to be: the pushed snapshot with the highest version, as the page script keeps it.</summary>
public sealed class RoomWatcher
{
    private readonly Lock _gate = new();
    private readonly List<(Func<RoomView, bool> Condition, TaskCompletionSource<RoomView> Done)> _waiters = [];

    private RoomWatcher(HubConnection connection)
    {
        Connection = connection;
        connection.On<RoomView>(nameof(IJuryClient.RoomChanged), Apply);
    }

    public HubConnection Connection { get; }

    public RoomView? Latest { get; private set; }

    public static async Task<RoomWatcher> JoinAsync(HubConnection connection, Guid sessionId, CancellationToken cancellationToken)
    {
        var watcher = new RoomWatcher(connection);
        watcher.Apply(await connection.InvokeAsync<RoomView>(nameof(JuryHub.JoinRoom), sessionId, cancellationToken));
        return watcher;
    }

    public Task<RoomView> WaitForAsync(Func<RoomView, bool> condition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Latest is { } latest && condition(latest))
            {
                return Task.FromResult(latest);
            }

            var done = new TaskCompletionSource<RoomView>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    private void Apply(RoomView room)
    {
        lock (_gate)
        {
            if (Latest is not null && room.Version < Latest.Version)
            {
                return;
            }

            Latest = room;
            foreach (var waiter in _waiters.Where(w => w.Condition(room)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(room);
            }
        }
    }
}
