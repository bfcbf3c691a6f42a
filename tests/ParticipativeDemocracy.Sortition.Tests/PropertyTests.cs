using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

/// <summary>Seeded random small pools; a failing seed is printed so it can be replayed.</summary>
public sealed class PropertyTests
{
    private const int Pools = 25;

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, Pools));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Leximin_marginals_sum_to_k_and_every_panel_keeps_every_quota(int seed)
    {
        var problem = RandomPools.Create(seed);
        var result = Draw(problem, SelectionAlgorithm.Leximin, (ulong)seed);

        Assert.Equal(problem.PanelSize, result.Probabilities.Sum(), 6);
        Assert.All(result.Probabilities, p => Assert.InRange(p, -1e-9, 1 + 1e-9));
        for (ulong drawSeed = 0; drawSeed < 3; drawSeed++)
        {
            var panel = Draw(problem, SelectionAlgorithm.Leximin, drawSeed).Panel;
            Assert.Empty(Rules.Violations(problem, panel));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Leximin_minimum_is_at_least_legacys_estimated_minimum(int seed)
    {
        var problem = RandomPools.Create(seed);
        var leximin = Draw(problem, SelectionAlgorithm.Leximin, 1);
        var legacy = Draw(problem, SelectionAlgorithm.Legacy, 1);

        Assert.Empty(Rules.Violations(problem, legacy.Panel));
        Assert.Equal(problem.PanelSize, legacy.Probabilities.Sum(), 6);
        var samplingError = 4 * Math.Sqrt(0.25 / new DrawOptions().LegacySamples);
        Assert.True(leximin.MinProbability >= legacy.MinProbability - samplingError,
            $"seed {seed}: leximin {leximin.MinProbability}, legacy {legacy.MinProbability}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(29)]
    public void The_same_seed_gives_the_same_panel(int seed)
    {
        var problem = RandomPools.Create(seed);
        var panels = Enumerable.Range(0, 3).Select(_ => Draw(problem, SelectionAlgorithm.Leximin, 12345).Panel).ToList();
        var otherSeeds = Enumerable.Range(0, 20).Select(s => string.Join(',', Draw(problem, SelectionAlgorithm.Leximin, (ulong)s).Panel));

        Assert.All(panels, p => Assert.Equal(panels[0], p));
        Assert.Equal(panels[0], Draw(problem, SelectionAlgorithm.Leximin, 12345).Panel);
        Assert.True(otherSeeds.Distinct().Count() > 1, "different seeds should be able to give different panels");
    }

    private static DrawResult Draw(SortitionProblem problem, SelectionAlgorithm algorithm, ulong seed) =>
        SortitionEngine.Draw(problem, new DrawOptions { Algorithm = algorithm, Seed = seed });
}
