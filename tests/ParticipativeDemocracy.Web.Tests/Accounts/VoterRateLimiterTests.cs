using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

public sealed class VoterRateLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(20);
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private int _permits = 3;

    [Fact]
    public void A_voter_gets_the_permits_of_a_window_then_a_refusal_saying_when_to_come_back()
    {
        using var limiter = Limiter();
        var granted = Enumerable.Range(0, 3).Select(_ => Acquire(limiter, "ann")).ToList();
        _clock.Advance(TimeSpan.FromSeconds(5));
        using var refused = limiter.AttemptAcquire(Voter("ann"));

        Assert.All(granted, Assert.True);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(15), retryAfter);
    }

    [Fact]
    public void Voters_are_counted_apart_and_requests_without_a_voter_are_not_limited()
    {
        using var limiter = Limiter();
        _permits = 1;

        Assert.True(Acquire(limiter, "ann"));
        Assert.False(Acquire(limiter, "ann"));
        Assert.True(Acquire(limiter, "bob"));
        Assert.All(Enumerable.Range(0, 10), _ => Assert.True(Acquire(limiter, null)));
    }

    [Fact]
    public void A_new_window_starts_when_the_last_one_has_ended_with_the_permit_limit_of_that_moment()
    {
        using var limiter = Limiter();
        _permits = 1;
        Assert.True(Acquire(limiter, "ann"));
        _clock.Advance(Window - TimeSpan.FromTicks(1));
        Assert.False(Acquire(limiter, "ann"));

        _clock.Advance(TimeSpan.FromTicks(1));
        _permits = 2;

        Assert.True(Acquire(limiter, "ann"));
        Assert.True(Acquire(limiter, "ann"));
        Assert.False(Acquire(limiter, "ann"));
    }

    [Fact]
    public async Task Counters_of_ended_windows_are_swept_once_a_window_has_passed()
    {
        using var limiter = Limiter();
        foreach (var voter in new[] { "ann", "bob", "cai" })
        {
            Acquire(limiter, voter);
        }

        _clock.Advance(Window / 2);
        Acquire(limiter, "dee");
        _clock.Advance(Window / 2);
        Acquire(limiter, "eve");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (limiter.Count != 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, limiter.Count);
        Assert.False(Acquire(limiter, "dee", count: 3), "dee's window is still open, with one permit used");
    }

    private VoterRateLimiter Limiter() => new(_clock, context => context.Items["voter"] as string, () => _permits, Window);

    private static bool Acquire(VoterRateLimiter limiter, string? voter, int count = 1)
    {
        using var lease = limiter.AttemptAcquire(Voter(voter), count);
        return lease.IsAcquired;
    }

    private static DefaultHttpContext Voter(string? voter) => new() { Items = { ["voter"] = voter } };
}
