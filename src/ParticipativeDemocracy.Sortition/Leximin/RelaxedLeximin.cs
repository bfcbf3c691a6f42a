using Google.OrTools.LinearSolver;

namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// Leximin over the panel relaxation: expected members per type within the size, quota and household rows,
/// rather than over lotteries of whole panels. Each stage is one small linear program (GLOP, milliseconds)
/// instead of a column generation. Every lottery's expected panel lies in the relaxation, so these stage
/// values bound the true ones from above; a lottery that meets the floors proves them exact.
/// </summary>
internal static class RelaxedLeximin
{
    private const double FixingThreshold = 1e-6;
    private const double PricingTolerance = 1e-7;

    /// <summary>
    /// The floors, one a type: its stage value less the tolerance the stage-by-stage solver also fixes at.
    /// Types fixed at 0 in <paramref name="fixedProbability"/> (never on a panel) stay off the relaxation too.
    /// Null when GLOP finds no optimum.
    /// </summary>
    public static RelaxedStages? Solve(Instance instance, IReadOnlyList<double?> fixedProbability, TimeSpan timeLimit)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver here");
        solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
        var floors = fixedProbability.ToArray();
        var (counts, z, rows) = Build(solver, instance, floors);
        var values = new List<double>();
        var point = new double[counts.Length];
        while (floors.Any(f => f is null))
        {
            if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
            {
                return null;
            }

            var value = solver.Objective().Value();
            point = counts.Select(c => c.SolutionValue()).ToArray();
            foreach (var t in Tight(floors, rows))
            {
                floors[t] = Math.Max(0, value - PricingTolerance);
                rows[t].SetCoefficient(z, 0);
                rows[t].SetLb(floors[t]!.Value);
            }

            values.Add(value);
        }

        return new RelaxedStages([.. floors.Select(f => f!.Value)], values, point);
    }

    /// <summary>
    /// <c>max z</c> over expected members per type x: the panel rows, and a row per type, x_t/size_t ≥ z while
    /// unfixed, ≥ its floor once fixed (the stage master's rows, on expected panels instead of lotteries).
    /// </summary>
    private static (Variable[] Counts, Variable Z, Constraint[] Rows) Build(Solver solver, Instance instance, double?[] floors)
    {
        var types = instance.Types;
        var counts = types.Select((t, i) => solver.MakeNumVar(0, floors[i] == 0 ? 0 : t.Size, $"x{i}")).ToArray();
        PanelRows.Add(solver, instance, counts);
        var z = solver.MakeNumVar(0, 1, "z");
        var rows = new Constraint[types.Count];
        for (var t = 0; t < rows.Length; t++)
        {
            rows[t] = solver.MakeConstraint(floors[t] ?? 0, double.PositiveInfinity, $"t{t}");
            rows[t].SetCoefficient(counts[t], 1.0 / types[t].Size);
            rows[t].SetCoefficient(z, floors[t] is null ? -1 : 0);
        }

        solver.Objective().SetCoefficient(z, 1);
        solver.Objective().SetMaximization();
        return (counts, z, rows);
    }

    /// <summary>The unfixed types with a positive dual (GLOP's duals of binding ≥ rows are negative when maximising).</summary>
    private static List<int> Tight(double?[] floors, Constraint[] rows)
    {
        var unfixed = Enumerable.Range(0, floors.Length).Where(t => floors[t] is null).ToList();
        var tight = unfixed.Where(t => -rows[t].DualValue() > FixingThreshold).ToList();
        if (tight.Count == 0)
        {
            tight.Add(unfixed.MaxBy(t => -rows[t].DualValue()));
        }

        return tight;
    }
}

/// <summary>
/// Each type's floor (its relaxed leximin value less a tolerance), the relaxed stage values, and the last stage's
/// optimum: expected members per type, a point of the relaxation that meets every floor.
/// </summary>
internal sealed record RelaxedStages(double[] Floors, IReadOnlyList<double> StageValues, double[] Point);
