using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Tests.Foundation;

/// <summary>The window loop shared by the tally and poll-results pushes, flushed by hand (no timers in the test).</summary>
public sealed class CoalescingBroadcasterTests
{
    [Fact]
    public async Task Many_changes_to_one_key_within_a_window_make_one_push_per_key()
    {
        var broadcaster = new Counting();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        for (var i = 0; i < 100; i++)
        {
            broadcaster.MarkChanged(a);
        }

        broadcaster.MarkChanged(b);
        await broadcaster.FlushAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, broadcaster.Pushes[a]);
        Assert.Equal(1, broadcaster.Pushes[b]);

        await broadcaster.FlushAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, broadcaster.Pushes.Values.Sum());

        broadcaster.MarkChanged(a);
        await broadcaster.FlushAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, broadcaster.Pushes[a]);
    }

    [Fact]
    public async Task A_failing_push_is_logged_and_the_other_keys_are_still_pushed()
    {
        var broadcaster = new Counting();
        var (bad, good) = (Guid.NewGuid(), Guid.NewGuid());
        broadcaster.Failing.Add(bad);
        broadcaster.MarkChanged(bad);
        broadcaster.MarkChanged(good);
        await broadcaster.FlushAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, broadcaster.Pushes[good]);
        Assert.Equal(1, broadcaster.Pushes[bad]);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(200, 1000)]
    [InlineData(400, 1200)]
    [InlineData(2000, 6000)]
    public void Slow_pushes_make_the_loop_rest_three_times_as_long_as_they_took(int pushingMs, int restMs)
    {
        var rest = new Counting().RestAfter(TimeSpan.FromMilliseconds(pushingMs));

        Assert.Equal(TimeSpan.FromMilliseconds(restMs), rest);
    }

    [Fact]
    public void The_tally_and_poll_pushes_share_the_coalescing_loop()
    {
        Assert.True(typeof(TallyBroadcaster).IsSubclassOf(typeof(CoalescingBroadcaster<Guid>)));
        Assert.True(typeof(PollResultsBroadcaster).IsSubclassOf(typeof(CoalescingBroadcaster<Guid>)));
    }

    private sealed class Counting() : CoalescingBroadcaster<Guid>(NullLogger.Instance, TimeSpan.FromSeconds(1))
    {
        public ConcurrentDictionary<Guid, int> Pushes { get; } = new();

        public HashSet<Guid> Failing { get; } = [];

        protected override Task PushAsync(Guid key, CancellationToken cancellationToken)
        {
            Pushes.AddOrUpdate(key, 1, (_, n) => n + 1);
            return Failing.Contains(key) ? Task.FromException(new InvalidOperationException("push failed")) : Task.CompletedTask;
        }
    }
}
