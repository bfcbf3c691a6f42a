using ParticipativeDemocracy.Sortition.Leximin;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

/// <summary>Carathéodory's construction: a lottery of valid panels whose expected panel is the given point.</summary>
public sealed class FaceDecompositionTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 30));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_decomposed_point_is_the_expected_panel_of_valid_panels(int seed)
    {
        var instance = Instance.Compile(RandomPools.Create(seed));
        var point = RelaxedLeximin.Solve(instance, new double?[instance.Types.Count], TimeSpan.FromMinutes(1))!.Point;

        var lottery = FaceDecomposition.Decompose(instance, point, Sizes(instance), new Deadline(TimeSpan.FromMinutes(1))).Lottery;

        if (lottery is null)
        {
            return;
        }

        Assert.All(lottery, p => Assert.True(PanelRows.Hold(instance, p.Counts) && p.Probability > 0));
        Assert.InRange(lottery.Sum(p => p.Probability), 1 - 1e-9, 1 + 1e-9);
        for (var t = 0; t < point.Length; t++)
        {
            Assert.Equal(point[t], lottery.Sum(p => p.Probability * p.Counts[t]), 7);
        }
    }

    [Theory]
    [InlineData("sf_fixture_22")]
    [InlineData("synth_hh_40")]
    public void The_shared_pools_relaxed_optima_decompose(string name)
    {
        var instance = Instance.Compile(Pools.Load(name).Problem);
        var point = RelaxedLeximin.Solve(instance, new double?[instance.Types.Count], TimeSpan.FromMinutes(1))!.Point;

        Assert.NotNull(FaceDecomposition.Decompose(instance, point, Sizes(instance), new Deadline(TimeSpan.FromMinutes(1))).Lottery);
    }

    /// <summary>
    /// Three yes/no categories, one of each value on a panel of two: a panel is a complementary pair, and 000 has
    /// none (no 111). Half of each of 110, 101, 011 and 000 meets every quota, yet no lottery gives it.
    /// </summary>
    [Fact]
    public void A_point_of_the_relaxation_that_no_lottery_gives_is_refused()
    {
        string[] codes = ["110", "101", "011", "001", "010", "100", "000"];
        var pool = codes.Select(c => new Respondent(c, new Dictionary<string, string>
        {
            ["a"] = c[..1], ["b"] = c[1..2], ["c"] = c[2..],
        }, null)).ToList();
        var quotas = new[] { "a", "b", "c" }.SelectMany(c => new[] { new Quota(c, "0", 1, 1), new Quota(c, "1", 1, 1) }).ToList();
        var instance = Instance.Compile(new SortitionProblem(pool, 2, quotas));
        var half = new HashSet<string> { "110", "101", "011", "000" };
        var point = instance.Types.Select(t => half.Contains(pool[t.Members[0]].Id) ? 0.5 : 0).ToArray();

        Assert.Null(FaceDecomposition.Decompose(instance, point, Sizes(instance), new Deadline(TimeSpan.FromMinutes(1))).Lottery);
    }

    private static double[] Sizes(Instance instance) => [.. instance.Types.Select(t => (double)t.Size)];
}
