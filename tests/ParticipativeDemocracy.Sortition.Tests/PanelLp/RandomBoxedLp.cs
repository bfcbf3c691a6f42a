using Google.OrTools.LinearSolver;
using ParticipativeDemocracy.Sortition.Leximin.PanelLp;

namespace ParticipativeDemocracy.Sortition.Tests.PanelLp;

/// <summary>A boxed LP kept as plain arrays, so the same problem can go to the dual simplex and to GLOP.</summary>
internal sealed class RandomBoxedLp
{
    private RandomBoxedLp(List<(int Row, double Value)>[] columns, double[] rowLower, double[] rowUpper, double[] lower, double[] upper)
    {
        Columns = columns;
        RowLower = rowLower;
        RowUpper = rowUpper;
        Lower = lower;
        Upper = upper;
    }

    public List<(int Row, double Value)>[] Columns { get; }

    public double[] RowLower { get; }

    public double[] RowUpper { get; }

    public double[] Lower { get; }

    public double[] Upper { get; }

    public int Rows => RowLower.Length;

    /// <summary>
    /// Integer entries in −3..3, integer boxes (some fixed), ranged and equality rows around a random point
    /// of the box (so most are feasible; with <paramref name="anywhere"/> the rows ignore it and many are not).
    /// </summary>
    public static RandomBoxedLp Create(Random random, bool anywhere = false)
    {
        var m = random.Next(1, 16);
        var n = random.Next(2, 41);
        var density = 0.15 + (random.NextDouble() * 0.5);
        var columns = new List<(int Row, double Value)>[n];
        var lower = new double[n];
        var upper = new double[n];
        var point = new double[n];
        for (var j = 0; j < n; j++)
        {
            columns[j] = [];
            for (var i = 0; i < m; i++)
            {
                if (random.NextDouble() < density)
                {
                    var v = random.Next(-3, 4);
                    if (v != 0)
                    {
                        columns[j].Add((i, v));
                    }
                }
            }

            lower[j] = random.Next(-3, 3);
            upper[j] = lower[j] + (random.Next(4) == 0 ? 0 : random.Next(1, 6));
            point[j] = lower[j] + (random.NextDouble() * (upper[j] - lower[j]));
        }

        var rowLower = new double[m];
        var rowUpper = new double[m];
        for (var i = 0; i < m; i++)
        {
            var activity = anywhere ? random.Next(-10, 11) : Math.Round(columns.Select((c, j) => c.Where(e => e.Row == i).Sum(e => e.Value) * point[j]).Sum());
            var kind = random.Next(3);
            rowLower[i] = activity - (kind == 0 ? 0 : random.Next(0, 4));
            rowUpper[i] = activity + (kind == 0 ? 0 : random.Next(0, 4));
        }

        return new RandomBoxedLp(columns, rowLower, rowUpper, lower, upper);
    }

    public static RandomBoxedLp Of(List<(int Row, double Value)>[] columns, double[] rowLower, double[] rowUpper, double[] lower, double[] upper) =>
        new(columns, rowLower, rowUpper, lower, upper);

    public BoundedSimplex Simplex() =>
        new(new SparseColumns(Rows, Columns), RowLower, RowUpper, Lower, Upper);

    /// <summary>GLOP's optimum of max wᵀx for the current bounds, or null when it reports the LP infeasible.</summary>
    public double? Glop(double[] weights)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var x = Lower.Select((l, j) => solver.MakeNumVar(l, Upper[j], $"x{j}")).ToArray();
        var rows = RowLower.Select((l, i) => solver.MakeConstraint(l, RowUpper[i], $"r{i}")).ToArray();
        for (var j = 0; j < x.Length; j++)
        {
            foreach (var (row, value) in Columns[j])
            {
                rows[row].SetCoefficient(x[j], value);
            }
        }

        var objective = solver.Objective();
        for (var j = 0; j < x.Length; j++)
        {
            objective.SetCoefficient(x[j], weights[j]);
        }

        objective.SetMaximization();
        var status = solver.Solve();
        Assert.True(status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.INFEASIBLE, $"GLOP says {status}");
        return status == Solver.ResultStatus.OPTIMAL ? objective.Value() : null;
    }

    /// <summary>The largest violation of a box or row bound by <paramref name="x"/>.</summary>
    public double Violation(ReadOnlySpan<double> x)
    {
        var worst = 0.0;
        var activity = new double[Rows];
        for (var j = 0; j < x.Length; j++)
        {
            worst = Math.Max(worst, Math.Max(Lower[j] - x[j], x[j] - Upper[j]));
            foreach (var (row, value) in Columns[j])
            {
                activity[row] += value * x[j];
            }
        }

        for (var i = 0; i < Rows; i++)
        {
            worst = Math.Max(worst, Math.Max(RowLower[i] - activity[i], activity[i] - RowUpper[i]));
        }

        return worst;
    }
}
