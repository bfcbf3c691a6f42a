using ParticipativeDemocracy.Sortition.Feasibility;
using ParticipativeDemocracy.Sortition.Legacy;
using ParticipativeDemocracy.Sortition.Leximin;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition;

/// <summary>Draws citizens' panels: LEXIMIN (fair) or LEGACY (greedy), reproducibly from a seed.</summary>
public static class SortitionEngine
{
    /// <exception cref="InfeasibleQuotasException">No panel meets the quotas; carries the smallest fix.</exception>
    /// <exception cref="SortitionProblemException">The problem is malformed.</exception>
    /// <exception cref="SortitionTimeoutException">The time limit ran out.</exception>
    public static DrawResult Draw(SortitionProblem problem, DrawOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var instance = Instance.Compile(problem);
        var deadline = new Deadline(options.TimeLimit);
        FeasibilityCheck.EnsureFeasible(instance, deadline);
        return options.Algorithm == SelectionAlgorithm.Leximin
            ? DrawLeximin(instance, options, deadline)
            : DrawLegacy(instance, options);
    }

    private static DrawResult DrawLeximin(Instance instance, DrawOptions options, Deadline deadline)
    {
        options.Progress?.Report($"LEXIMIN: {instance.AgentCount} respondents in {instance.Types.Count} groups of interchangeable people");
        using var solver = new LeximinSolver(instance, deadline, options.Progress);
        var distribution = solver.Solve();
        var panel = distribution.Sample(instance, new SeededRandom(options.Seed));
        var probabilities = distribution.AgentProbabilities(instance);
        return Result(instance, panel, probabilities, options) with { LotterySize = distribution.Panels.Count };
    }

    private static DrawResult DrawLegacy(Instance instance, DrawOptions options)
    {
        var panel = LegacySelector.Draw(instance, new SeededRandom(options.Seed));
        options.Progress?.Report($"LEGACY: estimating probabilities from {options.LegacySamples} panels");
        var estimateStream = new SeededRandom(options.Seed ^ 0x5DEECE66DUL);
        var probabilities = LegacySelector.EstimateProbabilities(instance, estimateStream, options.LegacySamples);
        return Result(instance, panel, probabilities, options);
    }

    private static DrawResult Result(Instance instance, int[] panel, double[] probabilities, DrawOptions options)
    {
        PanelCheck.Ensure(instance, panel);
        var ids = panel.Select(a => instance.Problem.Pool[a].Id).ToList();
        return new DrawResult(ids, probabilities, probabilities.Min(), options.Seed, options.Algorithm);
    }
}
