using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

public sealed class LegacyAndRandomTests
{
    [Fact]
    public void SplitMix64_matches_the_published_reference_sequence()
    {
        var random = new SeededRandom(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
    }

    [Fact]
    public void Legacy_is_unfair_to_the_lone_female_conservative_where_leximin_is_not()
    {
        var pool = Pools.Load("example_small_20");

        var legacy = SortitionEngine.Draw(pool.Problem, new DrawOptions { Algorithm = SelectionAlgorithm.Legacy, Seed = 7 });

        Assert.Empty(Rules.Violations(pool.Problem, legacy.Panel));
        Assert.True(legacy.MinProbability < 0.05, $"legacy minimum {legacy.MinProbability}");
        Assert.True(legacy.MinProbability < pool.LeximinMinimum);
    }

    [Fact]
    public void Legacy_panels_on_the_tight_fixture_keep_every_quota_and_household()
    {
        var pool = Pools.Load("sf_fixture_22");

        var result = SortitionEngine.Draw(pool.Problem, new DrawOptions { Algorithm = SelectionAlgorithm.Legacy, Seed = 3, LegacySamples = 200 });

        Assert.Empty(Rules.Violations(pool.Problem, result.Panel));
        Assert.Equal(22, result.Probabilities.Sum(), 6);
    }

    [Fact]
    public void A_panel_larger_than_the_pool_is_rejected()
    {
        var pool = Pools.Load("example_small_20");

        var error = Assert.Throws<SortitionProblemException>(() =>
            SortitionEngine.Draw(pool.Problem with { PanelSize = 201 }, new DrawOptions()));

        Assert.Contains("exceeds the pool of 200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draw_that_exceeds_its_time_limit_stops_with_a_timeout()
    {
        var pool = Pools.Load("sf_fixture_22");

        Assert.Throws<SortitionTimeoutException>(() =>
            SortitionEngine.Draw(pool.Problem, new DrawOptions { TimeLimit = TimeSpan.FromMilliseconds(1) }));
    }
}
