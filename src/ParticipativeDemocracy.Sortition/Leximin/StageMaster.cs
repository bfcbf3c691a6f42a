using ParticipativeDemocracy.Sortition.Leximin.MasterLp;

namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// The restricted master LP of a leximin stage, kept alive across stages:
/// <c>max z  s.t.  Σ_P λ_P = 1,  Σ_P a_Pt·λ_P ≥ z (unfixed t),  Σ_P a_Pt·λ_P ≥ f_t (fixed t),  λ ≥ 0</c>,
/// where a_Pt is the share of type t's members on panel P. The type rows' duals are the pricing weights;
/// each new panel is a new column. Solved by the dedicated <see cref="MasterSimplex"/>, warm-started across
/// columns and stages; if it ever reports numerical trouble, this master switches to GLOP for good, so a
/// wrong answer is never used (and the switch is deterministic, so a seed still gives one panel).
/// </summary>
/// <param name="iterationCap">Pivots a solve may take before it counts as trouble (tests force the GLOP path with a tiny one).</param>
internal sealed class StageMaster(Instance instance, long? iterationCap = null) : IDisposable
{
    private const double InSupport = 1e-12;

    private readonly MasterSimplex _simplex = new(instance.Types.Count);
    private readonly List<int[]> _columns = [];
    private double?[] _stage = new double?[instance.Types.Count];
    private GlopMaster? _glop;

    /// <summary>Simplex pivots of the last solve: a deterministic measure of what a master solve costs.</summary>
    public long LastIterations { get; private set; }

    /// <summary>Whether the dedicated simplex gave up and GLOP solves this master.</summary>
    public bool OnGlop => _glop is not null;

    public void SetStage(IReadOnlyList<double?> fixedProbability)
    {
        _stage = [.. fixedProbability];
        if (_glop is not null)
        {
            _glop.SetStage(fixedProbability);
            return;
        }

        _simplex.SetStage(fixedProbability);
    }

    public void AddColumn(int[] counts)
    {
        _columns.Add(counts);
        if (_glop is not null)
        {
            _glop.AddColumn(counts);
            return;
        }

        var index = new List<int> { 0 };
        var value = new List<double> { 1 };
        for (var t = 0; t < counts.Length; t++)
        {
            if (counts[t] > 0)
            {
                index.Add(t + 1);
                value.Add(Share(counts, t));
            }
        }

        _simplex.AddColumn(new SparseColumn([.. index], [.. value]));
    }

    /// <summary>
    /// Drops every panel outside the last lottery's support: it still satisfies every fixed row, and each
    /// pivot prices every column. The dedicated simplex keeps its basic columns (some may be in the support at
    /// probability 0) and so its basis; GLOP restarts from the support. Returns the panels kept.
    /// </summary>
    public IReadOnlyList<int[]> Prune(IReadOnlyList<TypePanel> support)
    {
        if (_glop is not null)
        {
            _glop.Dispose();
            _glop = new GlopMaster(instance);
            _columns.Clear();
            foreach (var panel in support)
            {
                AddColumn(panel.Counts);
            }

            return _columns;
        }

        var kept = _simplex.RemoveColumns(j => _simplex.Value(j) > InSupport);
        var columns = kept.Select(j => _columns[j]).ToList();
        _columns.Clear();
        _columns.AddRange(columns);
        return _columns;
    }

    public StageSolution Solve(TimeSpan timeLimit)
    {
        LastIterations = 0;
        if (_glop is null)
        {
            var outcome = _simplex.Solve(MaxIterations, timeLimit);
            LastIterations = _simplex.Iterations;
            switch (outcome)
            {
                case SimplexOutcome.Optimal:
                    return Solution(_simplex.Objective, _simplex.Value, t => Math.Max(0, _simplex.TypeDual(t)));
                case SimplexOutcome.TimedOut:
                    throw new SortitionTimeoutException("the leximin linear program ran out of time");
                default:
                    SwitchToGlop();
                    break;
            }
        }

        var solution = _glop!.Solve(timeLimit);
        LastIterations += _glop.LastIterations;
        return solution;
    }

    public void Dispose() => _glop?.Dispose();

    /// <summary>A solve normally takes well under 2,000 pivots; far more means stalling, so GLOP takes over.</summary>
    private long MaxIterations => iterationCap ?? (20L * (instance.Types.Count + _columns.Count));

    private void SwitchToGlop()
    {
        _glop = new GlopMaster(instance);
        foreach (var counts in _columns)
        {
            _glop.AddColumn(counts);
        }

        _glop.SetStage(_stage);
    }

    private StageSolution Solution(double objective, Func<int, double> value, Func<int, double> dual)
    {
        var y = new double[_stage.Length];
        for (var t = 0; t < y.Length; t++)
        {
            y[t] = dual(t);
        }

        var yHat = double.NegativeInfinity;
        foreach (var counts in _columns)
        {
            var weighted = 0.0;
            for (var t = 0; t < counts.Length; t++)
            {
                weighted += Share(counts, t) * y[t];
            }

            yHat = Math.Max(yHat, weighted);
        }

        var support = _columns.Select((c, i) => new TypePanel(c, value(i)))
            .Where(p => p.Probability > InSupport)
            .ToList();
        return new StageSolution(objective, yHat, y, support);
    }

    private double Share(int[] counts, int t) => (double)counts[t] / instance.Types[t].Size;
}
