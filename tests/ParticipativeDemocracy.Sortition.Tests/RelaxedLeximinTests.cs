using ParticipativeDemocracy.Sortition.Leximin;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

/// <summary>
/// The relaxation's leximin, decomposed into a lottery, must give everyone the probability the stage-by-stage
/// column generation gives (the leximin probabilities are unique, whichever lottery carries them).
/// </summary>
public sealed class RelaxedLeximinTests
{
    // Both routes fix a type at its stage value less 1e-7, so a later stage may hand the slack (up to 1e-7 per
    // member fixed) to anyone: the routes agree to that, not to the last digit.
    private const double Tolerance = 2e-5;

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 30));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Decomposing_the_relaxation_gives_the_stage_by_stage_probabilities_on_random_pools(int seed)
    {
        AssertSameProbabilities(RandomPools.Create(seed));
    }

    [Theory]
    [InlineData("example_small_20")]
    [InlineData("sf_fixture_22")]
    [InlineData("synth_hh_40")]
    public void The_shared_pools_are_decomposed_without_any_stage(string name)
    {
        var decomposed = AssertSameProbabilities(Pools.Load(name).Problem);

        Assert.True(decomposed);
    }

    [Fact]
    public void Floors_are_the_relaxed_stage_values_less_the_tolerance()
    {
        var instance = Instance.Compile(RandomPools.Create(5));

        var relaxed = RelaxedLeximin.Solve(instance, new double?[instance.Types.Count], TimeSpan.FromMinutes(1))!;

        static double Floor(double value) => Math.Max(0, value - 1e-7);
        Assert.Equal(Floor(relaxed.StageValues[0]), relaxed.Floors.Min(), 12);
        Assert.All(relaxed.Floors, f => Assert.Contains(relaxed.StageValues, v => Math.Abs(Floor(v) - f) < 1e-12));
        Assert.Equal(relaxed.StageValues.Order(), relaxed.StageValues);
        Assert.All(relaxed.Floors.Select((f, t) => (relaxed.Point[t] / instance.Types[t].Size) - f), slack => Assert.True(slack > -1e-9));
    }

    private static bool AssertSameProbabilities(SortitionProblem problem)
    {
        var instance = Instance.Compile(problem);
        using var fast = new LeximinSolver(instance, new Deadline(TimeSpan.FromMinutes(1)), null);
        using var staged = new LeximinSolver(instance, new Deadline(TimeSpan.FromMinutes(1)), null, stagesOnly: true);

        var expected = staged.Solve().AgentProbabilities(instance);
        var actual = fast.Solve().AgentProbabilities(instance);

        Assert.False(staged.Decomposed);
        for (var agent = 0; agent < expected.Length; agent++)
        {
            Assert.True(Math.Abs(expected[agent] - actual[agent]) <= Tolerance, $"agent {agent}: stages {expected[agent]}, relaxation {actual[agent]}");
        }

        return fast.Decomposed;
    }
}
