using Google.OrTools.LinearSolver;
using ParticipativeDemocracy.Sortition.Leximin.PanelLp;

namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// The integer program over quota-satisfying panels, one integer variable per agent type (how many of
/// its members sit on the panel). Built once; each call only swaps the objective.
/// Each call first runs a branch and bound on the linear relaxation, solved by a dedicated bounded simplex
/// (<see cref="BoundedSimplex"/>) warm-started from the previous basis: a node costs microseconds, and
/// SCIP (whose set-up and presolve cost tens of milliseconds per call) is only needed when the search
/// gives up.
/// </summary>
internal sealed class PanelOracle : IDisposable
{
    private const double Prune = 1e-9;
    private const int ExactNodes = 200;
    public const int HeuristicNodes = 12;

    private readonly Instance _instance;
    private readonly Solver _solver;
    private readonly Variable[] _counts;
    private readonly BoundedSimplex? _relaxation;
    private readonly Func<LpStatus>? _solveRelaxation;
    private readonly SolverStats _stats;

    public PanelOracle(Instance instance, TimeSpan timeLimitPerSolve, SolverStats? stats = null)
    {
        _instance = instance;
        _stats = stats ?? new SolverStats();
        _solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP solver here");
        _solver.SetTimeLimit((long)timeLimitPerSolve.TotalMilliseconds);
        _solver.SetNumThreads(1);
        var types = instance.Types;
        _counts = types.Select((t, i) => _solver.MakeIntVar(0, t.Size, $"x{i}")).ToArray();
        PanelRows.Add(_solver, instance, _counts);
        _relaxation = PanelRelaxation.Create(instance);
        _solveRelaxation = _relaxation is null ? null : _relaxation.Solve;
    }

    /// <summary>
    /// The panel (members per type) maximising Σ weight·members, or null when no panel satisfies the quotas.
    /// </summary>
    public int[]? Best(IReadOnlyList<double> weightPerMember)
    {
        var search = Relaxed(weightPerMember, ExactNodes);
        return search.Completed && search.Best is not null ? search.Best : ByIntegerProgram(weightPerMember);
    }

    /// <summary>
    /// A heavy panel, not necessarily the heaviest: the best one a search of about <paramref name="nodes"/>
    /// LP nodes finds (it always goes on to the first panel). For columns whose optimality nothing depends
    /// on (start panels, extra columns); null when no panel satisfies the quotas.
    /// </summary>
    public int[]? Good(IReadOnlyList<double> weightPerMember, int nodes = HeuristicNodes)
    {
        var search = Relaxed(weightPerMember, nodes);
        return search.Best ?? ByIntegerProgram(weightPerMember);
    }

    /// <summary>The same optimum from SCIP alone (the fallback, and what the tests compare against).</summary>
    public int[]? ByIntegerProgram(IReadOnlyList<double> weightPerMember)
    {
        var objective = _solver.Objective();
        for (var t = 0; t < _counts.Length; t++)
        {
            objective.SetCoefficient(_counts[t], weightPerMember[t]);
        }

        objective.SetMaximization();
        var status = _stats.TimePricing(_solver.Solve);
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => _counts.Select(v => (int)Math.Round(v.SolutionValue())).ToArray(),
            Solver.ResultStatus.INFEASIBLE => null,
            _ => throw new SortitionTimeoutException(
                $"the panel integer program stopped without an optimum ({status}); try a longer time limit"),
        };
    }

    public void Dispose() => _solver.Dispose();

    /// <summary>
    /// Depth-first branch and bound on the relaxation, nearest rounding first. Not completed when it gives
    /// up (node limit, the simplex's numerical trouble); SCIP decides those cases and confirms infeasibility.
    /// </summary>
    private Search Relaxed(IReadOnlyList<double> weightPerMember, int nodeLimit)
    {
        var search = new Search { Limit = nodeLimit };
        if (_relaxation is null)
        {
            return search;
        }

        _relaxation.SetObjective(weightPerMember is double[] array ? array : weightPerMember.ToArray());
        search.Completed = Explore(_relaxation, search);
        return search;
    }

    private bool Explore(BoundedSimplex relaxation, Search search)
    {
        if (++search.Nodes > search.Limit && (search.Best is not null || search.Nodes > ExactNodes))
        {
            return false;
        }

        var status = _stats.TimeRelaxation(_solveRelaxation!);
        if (status == LpStatus.Infeasible)
        {
            return true;
        }

        if (status != LpStatus.Optimal)
        {
            return false;
        }

        var value = relaxation.Objective;
        if (value <= search.BestValue + Prune)
        {
            return true;
        }

        var values = relaxation.Values;
        var branch = Integrality.MostFractional(values);
        if (branch < 0)
        {
            var panel = Integrality.Rounded(values);
            if (!PanelRows.Hold(_instance, panel))
            {
                return false;
            }

            (search.Best, search.BestValue) = (panel, value);
            return true;
        }

        _stats.Fractional++;
        var (lower, upper) = (relaxation.Lower(branch), relaxation.Upper(branch));
        var down = Math.Floor(values[branch]);
        var upFirst = values[branch] - down >= 0.5;
        for (var child = 0; child < 2; child++)
        {
            if ((child == 0) == upFirst)
            {
                relaxation.SetBounds(branch, down + 1, upper);
            }
            else
            {
                relaxation.SetBounds(branch, lower, down);
            }

            var completed = Explore(relaxation, search);
            relaxation.SetBounds(branch, lower, upper);
            if (!completed)
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Search
    {
        public int[]? Best { get; set; }

        public double BestValue { get; set; } = double.NegativeInfinity;

        public int Nodes { get; set; }

        public int Limit { get; init; }

        public bool Completed { get; set; }
    }
}
