using Google.OrTools.LinearSolver;

namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// The stage master (see <see cref="StageMaster"/>) on OR-Tools GLOP: the fallback when the dedicated simplex
/// reports numerical trouble, and the reference its tests compare against. Each new panel is a new column, so
/// GLOP warm-starts from the previous basis.
/// </summary>
internal sealed class GlopMaster : IDisposable
{
    private const double InSupport = 1e-12;

    private readonly Instance _instance;
    private readonly Solver _solver;
    private readonly Variable _z;
    private readonly Constraint _total;
    private readonly Constraint[] _typeRows;
    private readonly List<(int[] Counts, Variable Lambda)> _columns = [];

    public GlopMaster(Instance instance)
    {
        _instance = instance;
        _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver here");
        // Presolve would rebuild the problem on every solve and lose the warm start from the previous basis.
        _solver.SetSolverSpecificParametersAsString("use_preprocessing: false");
        _z = _solver.MakeNumVar(0, 1, "z");
        _total = _solver.MakeConstraint(1, 1, "total");
        _typeRows = instance.Types
            .Select((_, t) => _solver.MakeConstraint(0, double.PositiveInfinity, $"t{t}"))
            .ToArray();

        _solver.Objective().SetCoefficient(_z, 1);
        _solver.Objective().SetMaximization();
    }

    /// <summary>Simplex pivots of the last solve: a deterministic measure of what a master solve costs.</summary>
    public long LastIterations { get; private set; }

    public void SetStage(IReadOnlyList<double?> fixedProbability)
    {
        for (var t = 0; t < _typeRows.Length; t++)
        {
            _typeRows[t].SetCoefficient(_z, fixedProbability[t] is null ? -1 : 0);
            _typeRows[t].SetLb(fixedProbability[t] ?? 0);
        }
    }

    public void AddColumn(int[] counts)
    {
        var lambda = _solver.MakeNumVar(0, double.PositiveInfinity, $"l{_columns.Count}");
        _total.SetCoefficient(lambda, 1);
        for (var t = 0; t < counts.Length; t++)
        {
            if (counts[t] > 0)
            {
                _typeRows[t].SetCoefficient(lambda, Share(counts, t));
            }
        }

        _columns.Add((counts, lambda));
    }

    public StageSolution Solve(TimeSpan timeLimit)
    {
        _solver.SetTimeLimit((long)Math.Max(1, timeLimit.TotalMilliseconds));
        var status = _solver.Solve();
        LastIterations = _solver.Iterations();
        if (status == Solver.ResultStatus.ABNORMAL)
        {
            // GLOP's warm start occasionally fails after the model changed; a cold start does not.
            _solver.Reset();
            status = _solver.Solve();
        }

        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new SortitionTimeoutException($"the leximin linear program stopped without an optimum ({status})");
        }

        var values = _columns.Select(c => c.Lambda.SolutionValue()).ToArray();
        var y = _typeRows.Select(row => Math.Max(0, -row.DualValue())).ToArray();
        var yHat = _columns.Max(c => c.Counts.Select((_, t) => Share(c.Counts, t) * y[t]).Sum());
        var support = _columns.Select((c, i) => new TypePanel(c.Counts, values[i]))
            .Where(p => p.Probability > InSupport)
            .ToList();
        return new StageSolution(_solver.Objective().Value(), yHat, y, support);
    }

    public void Dispose() => _solver.Dispose();

    private double Share(int[] counts, int t) => (double)counts[t] / _instance.Types[t].Size;
}
