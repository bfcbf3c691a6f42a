namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// Multiplicative weights: repeatedly take the panel heaviest in weight and shrink its members'
/// weights, which spreads the first panels over many people and saves column-generation rounds.
/// </summary>
internal static class InitialPanels
{
    private const double Shrink = 0.8;

    public static IReadOnlyList<int[]> Find(Instance instance, PanelOracle oracle, Deadline deadline)
    {
        var types = instance.Types;
        var weights = types.Select(_ => 1.0).ToArray();
        var rounds = Math.Min(types.Count, 3 * instance.PanelSize);
        var panels = new List<int[]>();
        for (var round = 0; round < rounds; round++)
        {
            deadline.ThrowIfExpired("LEXIMIN");
            var panel = oracle.Good(weights) ?? throw new InvalidOperationException("quotas are infeasible");
            panels.Add(panel);
            for (var t = 0; t < types.Count; t++)
            {
                weights[t] *= Math.Pow(Shrink, (double)panel[t] / types[t].Size);
            }

            var mean = weights.Average();
            for (var t = 0; t < types.Count; t++)
            {
                weights[t] /= mean;
            }
        }

        return panels;
    }
}
