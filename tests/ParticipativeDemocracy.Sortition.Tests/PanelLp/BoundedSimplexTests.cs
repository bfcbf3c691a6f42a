using ParticipativeDemocracy.Sortition.Leximin.PanelLp;

namespace ParticipativeDemocracy.Sortition.Tests.PanelLp;

/// <summary>The panel LP's dual simplex must agree with GLOP on status and optimum, cold and warm-started.</summary>
public sealed class BoundedSimplexTests
{
    private const double Tolerance = 1e-7;

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 60));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Matches_glop_on_random_boxed_lps_through_a_sequence_of_bound_and_objective_changes(int seed)
    {
        RunSequence(seed);
    }

    [Fact]
    public void The_random_sequences_include_infeasible_and_optimal_lps()
    {
        var statuses = Enumerable.Range(1, 60).SelectMany(RunSequence).ToList();

        Assert.True(statuses.Count(s => s == LpStatus.Infeasible) >= 50, $"{statuses.Count(s => s == LpStatus.Infeasible)} infeasible");
        Assert.True(statuses.Count(s => s == LpStatus.Optimal) >= 1000, $"{statuses.Count(s => s == LpStatus.Optimal)} optimal");
    }

    private static List<LpStatus> RunSequence(int seed)
    {
        var statuses = new List<LpStatus>();
        var random = new Random(seed);
        var lp = RandomBoxedLp.Create(random, anywhere: seed % 4 == 0);
        var simplex = lp.Simplex();
        var original = (Lower: lp.Lower.ToArray(), Upper: lp.Upper.ToArray());
        var weights = Weights(random, lp.Lower.Length);
        for (var step = 0; step < 40; step++)
        {
            switch (random.Next(4))
            {
                case 0:
                    weights = Weights(random, lp.Lower.Length);
                    simplex.SetObjective(weights);
                    break;
                case 1:
                    Restore(lp, simplex, original);
                    break;
                default:
                    Branch(random, lp, simplex);
                    break;
            }

            if (step == 0)
            {
                simplex.SetObjective(weights);
            }

            statuses.Add(AssertSame(lp, simplex, weights, $"seed {seed}, step {step}"));
        }

        return statuses;
    }

    [Fact]
    public void Reports_rows_no_point_of_the_box_meets_as_infeasible()
    {
        // x0 + x1 = 5 with both in [0, 2].
        var lp = RandomBoxedLp.Of([[(0, 1)], [(0, 1)]], [5], [5], [0, 0], [2, 2]);
        var simplex = lp.Simplex();
        simplex.SetObjective([1.0, 1.0]);

        Assert.Equal(LpStatus.Infeasible, simplex.Solve());
        Assert.Null(lp.Glop([1, 1]));
    }

    [Fact]
    public void Recovers_after_an_infeasible_branch_is_undone()
    {
        // 2 ≤ x0 + x1 + x2 ≤ 2, x0 − x1 ≥ 0: feasible, then x0 ≤ 0 and x2 ≤ 0 forces x1 = 2 > x0: infeasible.
        var lp = RandomBoxedLp.Of([[(0, 1), (1, 1)], [(0, 1), (1, -1)], [(0, 1)]], [2, 0], [2, 10], [0, 0, 0], [2, 2, 2]);
        var simplex = lp.Simplex();
        simplex.SetObjective([0.5, 1.0, 0.25]);
        Assert.Equal(LpStatus.Optimal, simplex.Solve());
        Assert.Equal(1.5, simplex.Objective, 9);

        simplex.SetBounds(0, 0, 0);
        simplex.SetBounds(2, 0, 0);
        Assert.Equal(LpStatus.Infeasible, simplex.Solve());

        simplex.SetBounds(0, 0, 2);
        simplex.SetBounds(2, 0, 2);
        Assert.Equal(LpStatus.Optimal, simplex.Solve());
        Assert.Equal(1.5, simplex.Objective, 9);
    }

    [Fact]
    public void Solves_degenerate_lps_with_zero_and_tied_weights_and_duplicate_columns()
    {
        // Four identical columns in a tight equality row, a ranged row at its bound, zero and equal weights.
        List<(int Row, double Value)>[] columns =
            [[(0, 1), (1, 1)], [(0, 1), (1, 1)], [(0, 1), (1, 1)], [(0, 1), (1, 1)], [(0, 1)], [(1, -1)]];
        var lp = RandomBoxedLp.Of(columns, [4, 0], [4, 3], [0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 4, 4]);
        var simplex = lp.Simplex();
        foreach (double[] weights in new[] { new double[6], [1, 1, 1, 1, 0, 0], [0, 0, 0, 0, 1, 0], [1, 1, 1, 1, 1, 1], [0, 0, 1, 0, -1, 0] })
        {
            simplex.SetObjective(weights);
            AssertSame(lp, simplex, weights, string.Join(',', weights));
        }
    }

    [Fact]
    public void Needs_no_allocation_once_built()
    {
        var random = new Random(3);
        var lp = RandomBoxedLp.Create(random);
        var simplex = lp.Simplex();
        var weights = Weights(random, lp.Lower.Length);
        simplex.SetObjective(weights);
        simplex.Solve();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var step = 0; step < 20; step++)
        {
            simplex.SetBounds(step % lp.Lower.Length, lp.Lower[step % lp.Lower.Length], lp.Upper[step % lp.Lower.Length]);
            simplex.SetObjective(weights);
            simplex.Solve();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static LpStatus AssertSame(RandomBoxedLp lp, BoundedSimplex simplex, double[] weights, string context)
    {
        var expected = lp.Glop(weights);
        var status = simplex.Solve();
        Assert.NotEqual(LpStatus.Trouble, status);
        Assert.True(expected is null == (status == LpStatus.Infeasible), $"{context}: GLOP {(expected is null ? "infeasible" : "optimal")}, simplex {status}");
        if (expected is { } value)
        {
            Assert.True(Math.Abs(value - simplex.Objective) <= Tolerance * (1 + Math.Abs(value)), $"{context}: GLOP {value}, simplex {simplex.Objective}");
            Assert.True(lp.Violation(simplex.Values) <= 1e-8, $"{context}: the optimum breaks a bound by {lp.Violation(simplex.Values)}");
            Assert.Equal(weights.Select((w, j) => w * simplex.Values[j]).Sum(), simplex.Objective, 9);
        }

        return status;
    }

    /// <summary>Mostly sparse weights (as a leximin stage's duals are) with exact ties.</summary>
    private static double[] Weights(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => random.Next(3) switch
        {
            0 => 0,
            1 => random.Next(-2, 3) * 0.25,
            _ => (random.NextDouble() * 2) - 1,
        }).ToArray();

    /// <summary>Tightens one box the way branch and bound does (an integer cut inside the current box).</summary>
    private static void Branch(Random random, RandomBoxedLp lp, BoundedSimplex simplex)
    {
        var j = random.Next(lp.Lower.Length);
        var (lower, upper) = (lp.Lower[j], lp.Upper[j]);
        if (upper <= lower)
        {
            return;
        }

        var cut = random.Next((int)lower, (int)upper);
        (lp.Lower[j], lp.Upper[j]) = random.Next(2) == 0 ? (lower, (double)cut) : (cut + 1.0, upper);
        simplex.SetBounds(j, lp.Lower[j], lp.Upper[j]);
    }

    private static void Restore(RandomBoxedLp lp, BoundedSimplex simplex, (double[] Lower, double[] Upper) original)
    {
        for (var j = 0; j < lp.Lower.Length; j++)
        {
            (lp.Lower[j], lp.Upper[j]) = (original.Lower[j], original.Upper[j]);
            simplex.SetBounds(j, lp.Lower[j], lp.Upper[j]);
        }
    }
}
