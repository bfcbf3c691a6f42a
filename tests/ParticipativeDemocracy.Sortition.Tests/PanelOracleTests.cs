using ParticipativeDemocracy.Sortition.Leximin;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

/// <summary>The branch and bound on the relaxation must find SCIP's optimum for any weights.</summary>
public sealed class PanelOracleTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 25));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Branch_and_bound_matches_the_integer_program_on_random_pools(int seed)
    {
        AssertSameOptimum(RandomPools.Create(seed), seed, rounds: 30);
    }

    [Theory]
    [InlineData("sf_fixture_22")]
    [InlineData("synth_hh_40")]
    public void Branch_and_bound_matches_the_integer_program_on_the_shared_pools(string name)
    {
        AssertSameOptimum(Pools.Load(name).Problem, seed: 7, rounds: 15);
    }

    [Fact]
    public void Branch_and_bound_reports_infeasible_quotas_as_no_panel()
    {
        var problem = Pools.Load("sf_fixture_22", "sf_fixture_22/features_infeasible.csv").Problem;
        var instance = Instance.Compile(problem);
        using var oracle = new PanelOracle(instance, TimeSpan.FromMinutes(1));

        Assert.Null(oracle.Best(new double[instance.Types.Count]));
    }

    private static void AssertSameOptimum(SortitionProblem problem, int seed, int rounds)
    {
        var instance = Instance.Compile(problem);
        using var oracle = new PanelOracle(instance, TimeSpan.FromMinutes(1));
        var random = new Random(seed);
        for (var round = 0; round < rounds; round++)
        {
            // Sparse weights (most types worthless), as the duals of a leximin stage are, and dense ones.
            var weights = instance.Types
                .Select(_ => round % 2 == 0 && random.Next(3) > 0 ? 0 : random.NextDouble())
                .ToArray();

            var fast = oracle.Best(weights);
            var exact = oracle.ByIntegerProgram(weights);

            Assert.NotNull(fast);
            Assert.NotNull(exact);
            Assert.True(PanelRows.Hold(instance, fast), $"seed {seed}, round {round}: the panel breaks a rule");
            Assert.Equal(Value(exact, weights), Value(fast, weights), 9);
        }
    }

    private static double Value(int[] panel, double[] weights) => panel.Select((c, t) => c * weights[t]).Sum();
}
