using Google.OrTools.LinearSolver;

namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// A leximin stage over the linear relaxation of the panel polytope: expected members per type
/// <c>q_t ∈ [0, size_t]</c> under the panel-size, quota and household rows, with
/// <c>q_t/size_t ≥ z</c> (unfixed) or <c>≥ f_t</c> (fixed). It has one variable per type instead of one per
/// panel, so it solves in milliseconds, and its row duals are nearly optimal duals of the stage master
/// whenever the relaxation is nearly integral — a far better starting centre for column generation than
/// the master's first duals.
/// </summary>
internal sealed class RelaxedStage : IDisposable
{
    private readonly Solver _solver;
    private readonly Variable _z;
    private readonly Variable[] _expected;
    private readonly Constraint[] _typeRows;

    public RelaxedStage(Instance instance)
    {
        _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver here");
        var types = instance.Types;
        _z = _solver.MakeNumVar(0, 1, "z");
        _expected = types.Select((t, i) => _solver.MakeNumVar(0, t.Size, $"q{i}")).ToArray();
        _typeRows = types.Select((t, i) =>
        {
            var row = _solver.MakeConstraint(0, double.PositiveInfinity, $"t{i}");
            row.SetCoefficient(_expected[i], 1.0 / t.Size);
            return row;
        }).ToArray();
        PanelRows.Add(_solver, instance, _expected);
        _solver.Objective().SetCoefficient(_z, 1);
        _solver.Objective().SetMaximization();
    }

    /// <summary>Dual weight per type row at the relaxation's optimum, or null when GLOP gives none in time.</summary>
    public double[]? Duals(IReadOnlyList<double?> fixedProbability, TimeSpan timeLimit)
    {
        for (var t = 0; t < _typeRows.Length; t++)
        {
            _typeRows[t].SetCoefficient(_z, fixedProbability[t] is null ? -1 : 0);
            _typeRows[t].SetLb(fixedProbability[t] ?? 0);
        }

        _solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
        return _solver.Solve() == Solver.ResultStatus.OPTIMAL
            ? _typeRows.Select(row => Math.Max(0, -row.DualValue())).ToArray()
            : null;
    }

    public void Dispose() => _solver.Dispose();
}
