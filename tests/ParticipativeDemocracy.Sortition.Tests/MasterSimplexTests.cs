using Google.OrTools.LinearSolver;
using ParticipativeDemocracy.Sortition.Leximin.MasterLp;

namespace ParticipativeDemocracy.Sortition.Tests;

/// <summary>
/// The dedicated master simplex against GLOP on random LPs of the master's shape
/// (<c>max z s.t. Σλ = 1, share_t(λ) ≥ z or ≥ f_t, λ ≥ 0</c>): the same optimum, and a certificate for it
/// (primal feasibility, dual feasibility, complementary slackness, equal dual objective) through a
/// sequence of warm starts like a leximin run's: added columns, stages fixing the rows with a positive
/// dual, pruned columns. Shares are small fractions with repeats and duplicate columns, so the LPs are
/// highly degenerate.
/// </summary>
public sealed class MasterSimplexTests
{
    private const double Tolerance = 1e-7;

    public static TheoryData<int, bool> Cases() =>
        new(Enumerable.Range(1, 20).SelectMany(seed => new[] { (seed, true), (seed, false) }));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_glop_through_added_columns_stages_and_pruning(int seed, bool devex)
    {
        var random = new Random(seed);
        var types = random.Next(5, 40);
        var sizes = Enumerable.Range(0, types).Select(_ => random.Next(1, 6)).ToArray();
        var lp = new RandomMaster(types);
        var simplex = new MasterSimplex(types) { Devex = devex };
        var fixedAt = new double?[types];
        simplex.SetStage(fixedAt);
        AddColumns(lp, simplex, random, sizes, random.Next(1, 3 * types));

        for (var stage = 0; stage < types && fixedAt.Any(f => f is null); stage++)
        {
            for (var round = 0; round < 3; round++)
            {
                var value = SolveAndCheck(lp, simplex, fixedAt);
                if (round < 2)
                {
                    AddColumns(lp, simplex, random, sizes, random.Next(1, types));
                    continue;
                }

                FixTightRows(simplex, fixedAt, value);
                if (random.Next(3) == 0)
                {
                    var kept = simplex.RemoveColumns(j => simplex.Value(j) > 1e-12 || random.Next(4) == 0);
                    lp.Keep(kept);
                }

                simplex.SetStage(fixedAt);
            }
        }
    }

    [Fact]
    public void Duplicate_columns_and_all_equal_shares_still_solve()
    {
        var simplex = new MasterSimplex(6);
        var lp = new RandomMaster(6);
        var column = Enumerable.Repeat(0.5, 6).ToArray();
        for (var i = 0; i < 10; i++)
        {
            lp.Add(column);
            simplex.AddColumn(RandomMaster.Sparse(column));
        }

        var fixedAt = new double?[6];
        simplex.SetStage(fixedAt);
        Assert.Equal(0.5, SolveAndCheck(lp, simplex, fixedAt), 9);

        fixedAt[0] = 0.5 - 1e-7;
        fixedAt[3] = 0.5 - 1e-7;
        simplex.SetStage(fixedAt);
        Assert.Equal(0.5, SolveAndCheck(lp, simplex, fixedAt), 9);
    }

    private static void AddColumns(RandomMaster lp, MasterSimplex simplex, Random random, int[] sizes, int count)
    {
        for (var c = 0; c < count; c++)
        {
            var shares = sizes.Select(size => random.Next(3) == 0 ? 0 : (double)random.Next(0, size + 1) / size).ToArray();
            if (c > 0 && random.Next(5) == 0)
            {
                shares = lp.Columns[random.Next(lp.Columns.Count)];
            }

            lp.Add(shares);
            simplex.AddColumn(RandomMaster.Sparse(shares));
        }
    }

    private static void FixTightRows(MasterSimplex simplex, double?[] fixedAt, double value)
    {
        var unfixed = Enumerable.Range(0, fixedAt.Length).Where(t => fixedAt[t] is null).ToList();
        var tight = unfixed.Where(t => simplex.TypeDual(t) > 1e-6).ToList();
        if (tight.Count == 0)
        {
            tight.Add(unfixed.MaxBy(simplex.TypeDual));
        }

        foreach (var t in tight)
        {
            fixedAt[t] = Math.Max(0, value - 1e-7);
        }
    }

    private static double SolveAndCheck(RandomMaster lp, MasterSimplex simplex, double?[] fixedAt)
    {
        Assert.Equal(SimplexOutcome.Optimal, simplex.Solve(100_000, TimeSpan.FromMinutes(1)));
        var expected = lp.SolveWithGlop(fixedAt);
        var z = simplex.Objective;
        Assert.InRange(z, expected - Tolerance, expected + Tolerance);

        var lambda = Enumerable.Range(0, lp.Columns.Count).Select(simplex.Value).ToArray();
        Assert.All(lambda, l => Assert.True(l >= -Tolerance, $"λ = {l}"));
        Assert.InRange(lambda.Sum(), 1 - Tolerance, 1 + Tolerance);
        var y = Enumerable.Range(0, fixedAt.Length).Select(simplex.TypeDual).ToArray();
        var mu = simplex.ConvexityDual;
        var dualObjective = -mu;
        for (var t = 0; t < fixedAt.Length; t++)
        {
            var share = lp.Columns.Select((c, j) => c[t] * lambda[j]).Sum();
            var floor = fixedAt[t] ?? z;
            Assert.True(share >= floor - Tolerance, $"row {t}: share {share} below {floor}");
            Assert.True(y[t] >= -Tolerance, $"row {t}: dual {y[t]}");
            Assert.True(y[t] <= Tolerance || share <= floor + 1e-6, $"row {t}: dual {y[t]} on a slack row");
            dualObjective -= (fixedAt[t] ?? 0) * y[t];
        }

        // z's reduced cost: the unfixed rows' duals sum to 1 when z > 0.
        var unfixedDual = Enumerable.Range(0, fixedAt.Length).Where(t => fixedAt[t] is null).Sum(t => y[t]);
        Assert.True(unfixedDual <= 1 + Tolerance && (z <= Tolerance || unfixedDual >= 1 - Tolerance), $"Σy = {unfixedDual}");
        for (var j = 0; j < lp.Columns.Count; j++)
        {
            // λ_j's reduced cost in the minimisation of −z: −μ − Σ_t a_tj·y_t ≥ 0, and 0 where λ_j > 0.
            var reduced = -mu - lp.Columns[j].Select((a, t) => a * y[t]).Sum();
            Assert.True(reduced >= -Tolerance, $"column {j}: reduced cost {reduced}");
            Assert.True(lambda[j] <= Tolerance || reduced <= 1e-6, $"column {j}: λ {lambda[j]} with reduced cost {reduced}");
        }

        Assert.InRange(dualObjective, z - 1e-6, z + 1e-6);
        return z;
    }

    private sealed class RandomMaster(int types)
    {
        public List<double[]> Columns { get; private set; } = [];

        public static SparseColumn Sparse(double[] shares)
        {
            var index = new List<int> { 0 };
            var value = new List<double> { 1 };
            for (var t = 0; t < shares.Length; t++)
            {
                if (shares[t] != 0)
                {
                    index.Add(t + 1);
                    value.Add(shares[t]);
                }
            }

            return new SparseColumn([.. index], [.. value]);
        }

        public void Add(double[] shares) => Columns.Add(shares);

        public void Keep(IReadOnlyList<int> kept) => Columns = [.. kept.Select(j => Columns[j])];

        public double SolveWithGlop(double?[] fixedAt)
        {
            using var solver = Solver.CreateSolver("GLOP")!;
            var z = solver.MakeNumVar(0, 1, "z");
            var lambda = Columns.Select((_, j) => solver.MakeNumVar(0, double.PositiveInfinity, $"l{j}")).ToArray();
            var total = solver.MakeConstraint(1, 1, "total");
            foreach (var l in lambda)
            {
                total.SetCoefficient(l, 1);
            }

            for (var t = 0; t < types; t++)
            {
                var row = solver.MakeConstraint(fixedAt[t] ?? 0, double.PositiveInfinity, $"t{t}");
                row.SetCoefficient(z, fixedAt[t] is null ? -1 : 0);
                for (var j = 0; j < lambda.Length; j++)
                {
                    row.SetCoefficient(lambda[j], Columns[j][t]);
                }
            }

            solver.Objective().SetCoefficient(z, 1);
            solver.Objective().SetMaximization();
            Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
            return solver.Objective().Value();
        }
    }
}
