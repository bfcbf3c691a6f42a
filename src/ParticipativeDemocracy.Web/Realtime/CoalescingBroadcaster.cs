using System.Collections.Concurrent;
using System.Diagnostics;

namespace ParticipativeDemocracy.Web.Realtime;

/// <summary>
/// Coalesces many changes into a few pushes per second per key: a change only marks its key as pending;
/// a loop pushes once per pending key each window, never once per change. A failed push is logged and
/// the loop carries on, so one bad key cannot stop the others. When pushing gets slow (a live tally over
/// hundreds of thousands of ballots), the loop rests three times as long as the pushes took, so pushes
/// never take more than a quarter of the time, however large the count.
/// </summary>
public abstract class CoalescingBroadcaster<TKey>(ILogger logger, TimeSpan window) : BackgroundService
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, byte> _pending = new();

    public TimeSpan Window { get; } = window;

    public void MarkChanged(TKey key) => _pending[key] = 0;

    /// <summary>Pushes every pending key once; the loop calls it each window.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var key in _pending.Keys)
        {
            // Removed before the push, so a change arriving during the push is sent in the next window.
            if (!_pending.TryRemove(key, out _))
            {
                continue;
            }

            try
            {
                await PushAsync(key, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CoalescingLog.PushFailed(logger, ex, GetType().Name, key);
            }
        }
    }

    /// <summary>How long to wait after pushes that took <paramref name="pushing"/>: the window, or three times the pushes.</summary>
    public TimeSpan RestAfter(TimeSpan pushing) => pushing * 3 > Window ? pushing * 3 : Window;

    protected abstract Task PushAsync(TKey key, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rest = Window;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(rest, stoppingToken);
            var started = Stopwatch.GetTimestamp();
            await FlushAsync(stoppingToken);
            rest = RestAfter(Stopwatch.GetElapsedTime(started));
        }
    }
}

internal static partial class CoalescingLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Broadcaster} could not push the update for {Key}")]
    public static partial void PushFailed(ILogger logger, Exception exception, string broadcaster, object key);
}
