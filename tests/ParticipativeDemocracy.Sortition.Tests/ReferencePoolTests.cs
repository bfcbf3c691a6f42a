using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

public sealed class ReferencePoolTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData("example_small_20")]
    [InlineData("sf_fixture_22")]
    [InlineData("synth_hh_40")]
    public void Leximin_reaches_the_reference_probabilities(string name)
    {
        var pool = Pools.Load(name);

        var result = SortitionEngine.Draw(pool.Problem, new DrawOptions { Seed = 42 });

        Assert.InRange(result.MinProbability, pool.LeximinMinimum - Tolerance, pool.LeximinMinimum + Tolerance);
        var respondents = pool.Problem.Pool;
        for (var i = 0; i < respondents.Count; i++)
        {
            var expected = pool.ExpectedProbabilities[respondents[i].Id];
            Assert.True(Math.Abs(expected - result.Probabilities[i]) <= Tolerance,
                $"{respondents[i].Id}: expected {expected}, got {result.Probabilities[i]}");
        }

        Assert.Empty(Rules.Violations(pool.Problem, result.Panel));
    }
}
