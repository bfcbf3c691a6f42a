using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ParticipativeDemocracy.Web.Common.Hosting;

/// <summary>
/// Fixed windows per voter, for ballots: one dictionary of counters, swept once a window. The built-in partitioned
/// limiter gives every voter a limiter of their own, and its 100 ms heartbeat visits each under a lock; at thousands
/// of new voters a second that heartbeat took a tenth of the CPU and held up the ballots waiting for the same locks.
/// </summary>
internal sealed class VoterRateLimiter(TimeProvider time, Func<HttpContext, string?> voterOf, Func<int> permits, TimeSpan window)
    : PartitionedRateLimiter<HttpContext>
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly long _windowTicks = window.Ticks;
    private long _nextSweep = time.GetUtcNow().UtcTicks + window.Ticks;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var voter = voterOf(resource);
        if (voter is null)
        {
            return Lease.Granted;
        }

        var now = time.GetUtcNow().UtcTicks;
        SweepWhenDue(now);
        var counter = _counters.GetOrAdd(voter, static (_, state) => new Counter { Start = state.Now, Limit = state.Permits() }, (Now: now, Permits: permits));
        lock (counter)
        {
            if (now - counter.Start >= _windowTicks)
            {
                counter.Start = now;
                counter.Used = 0;
                counter.Limit = permits();
            }

            if (counter.Used + permitCount > counter.Limit)
            {
                return Lease.Refused(TimeSpan.FromTicks(counter.Start + _windowTicks - now));
            }

            counter.Used += permitCount;
            return Lease.Granted;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    /// <summary>Counters whose window has ended are dropped off the request path, by whichever request finds the sweep due.</summary>
    private void SweepWhenDue(long now)
    {
        var due = Volatile.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + _windowTicks, due) != due)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Limiter.Sweep(state.Now), (Limiter: this, Now: now), preferLocal: false);
    }

    private void Sweep(long now)
    {
        foreach (var (voter, counter) in _counters)
        {
            if (now - Volatile.Read(ref counter.Start) >= _windowTicks)
            {
                _counters.TryRemove(new KeyValuePair<string, Counter>(voter, counter));
            }
        }
    }

    /// <summary>The number of voters with a window still open or not yet swept; for tests.</summary>
    internal int Count => _counters.Count;

    private sealed class Counter
    {
        public long Start;
        public int Used;
        public int Limit;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
