using Google.OrTools.LinearSolver;

namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// The integer program over quota-satisfying panels, one integer variable per agent type (how many of
/// its members sit on the panel). Built once; each call only swaps the objective.
/// </summary>
internal sealed class PanelOracle : IDisposable
{
    private readonly Solver _solver;
    private readonly Variable[] _counts;

    public PanelOracle(Instance instance, TimeSpan timeLimitPerSolve)
    {
        _solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools has no SCIP solver here");
        _solver.SetTimeLimit((long)timeLimitPerSolve.TotalMilliseconds);
        _solver.SetNumThreads(1);
        var types = instance.Types;
        _counts = types.Select((t, i) => _solver.MakeIntVar(0, t.Size, $"x{i}")).ToArray();
        PanelRows.Add(_solver, instance, _counts);
    }

    /// <summary>
    /// The panel (members per type) maximising Σ weight·members, or null when no panel satisfies the quotas.
    /// </summary>
    public int[]? Best(IReadOnlyList<double> weightPerMember)
    {
        var objective = _solver.Objective();
        for (var t = 0; t < _counts.Length; t++)
        {
            objective.SetCoefficient(_counts[t], weightPerMember[t]);
        }

        objective.SetMaximization();
        var status = _solver.Solve();
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => _counts.Select(v => (int)Math.Round(v.SolutionValue())).ToArray(),
            Solver.ResultStatus.INFEASIBLE => null,
            _ => throw new SortitionTimeoutException(
                $"the panel integer program stopped without an optimum ({status}); try a longer time limit"),
        };
    }

    public void Dispose() => _solver.Dispose();
}
