namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// Pricing for one leximin stage: the panel that is heaviest under given dual weights, its Lagrangian
/// bound on the stage value, and a batch of further improving columns for the master.
/// </summary>
internal sealed class StagePricer(Instance instance, PanelOracle oracle, IReadOnlyList<double?> fixedProbability, Deadline deadline)
{
    private const double PricingTolerance = 1e-7;
    private const int NeighboursPerRound = 5;
    private const double Penalty = 0.8;

    /// <summary>The heaviest panel under <paramref name="y"/>; its value minus the fixed part bounds the stage value.</summary>
    public Priced Price(double[] y)
    {
        var weights = PerMember(y);
        var best = Best(weights);
        var fixedPart = y.Select((v, t) => fixedProbability[t] is { } f ? f * v : 0).Sum();
        return new Priced(y, best, Value(best, weights) - fixedPart);
    }

    /// <summary>
    /// The priced panel, its best one-swap neighbours, and panels re-priced with the members already
    /// chosen made less attractive (as in the multiplicative-weights start); of these, the ones that
    /// improve the master under its own duals. Such diverse columns close a stage in far fewer
    /// linear-program solves than the single best panel does.
    /// </summary>
    /// <param name="firstFound">Penalised panels are the first a single dive finds, not the best of a short search.</param>
    public IEnumerable<int[]> ImprovingColumns(Priced priced, StageSolution solution, int penalised, bool firstFound)
    {
        var lpWeights = PerMember(solution.Y);
        var threshold = solution.YHat + PricingTolerance;
        var candidates = SwapNeighbours.Improving(instance, priced.Panel, lpWeights, threshold, NeighboursPerRound)
            .Prepend(priced.Panel)
            .Concat(Penalised(priced, penalised, firstFound ? 1 : PanelOracle.HeuristicNodes));
        return candidates.Where(panel => Value(panel, lpWeights) > threshold);
    }

    private IEnumerable<int[]> Penalised(Priced priced, int count, int nodes)
    {
        var weights = PerMember(priced.Y);
        var panel = priced.Panel;
        for (var round = 0; round < count; round++)
        {
            for (var t = 0; t < weights.Length; t++)
            {
                weights[t] *= Math.Pow(Penalty, (double)panel[t] / instance.Types[t].Size);
            }

            deadline.ThrowIfExpired("LEXIMIN");
            panel = oracle.Good(weights, nodes) ?? throw new InvalidOperationException("the quotas became infeasible");
            yield return panel;
        }
    }

    private int[] Best(double[] weights)
    {
        deadline.ThrowIfExpired("LEXIMIN");
        return oracle.Best(weights) ?? throw new InvalidOperationException("the quotas became infeasible");
    }

    private double[] PerMember(double[] y) => y.Select((v, t) => v / instance.Types[t].Size).ToArray();

    private static double Value(int[] panel, double[] weights) => panel.Select((c, t) => c * weights[t]).Sum();
}

/// <summary>Dual weights, the panel heaviest under them, and the Lagrangian bound it gives.</summary>
internal sealed record Priced(double[] Y, int[] Panel, double Bound);
