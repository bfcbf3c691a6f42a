namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>A lottery over panel compositions (members per type), in a canonical order.</summary>
internal sealed record LeximinDistribution(IReadOnlyList<TypePanel> Panels)
{
    private const double DropBelow = 1e-9;

    /// <summary>Drops numerical dust, renormalises, and sorts compositions so a seed always picks the same one.</summary>
    public static LeximinDistribution From(IEnumerable<TypePanel> support)
    {
        var kept = support.Where(p => p.Probability > DropBelow)
            .OrderBy(p => string.Join(',', p.Counts.Select(c => c.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal)
            .ToList();
        var sum = kept.Sum(p => p.Probability);
        return new LeximinDistribution(kept.Select(p => p with { Probability = p.Probability / sum }).ToList());
    }

    /// <summary>Each type's selection probability: every member of a type has the same.</summary>
    public double[] TypeProbabilities(Instance instance)
    {
        var types = instance.Types;
        var probabilities = new double[types.Count];
        foreach (var panel in Panels)
        {
            for (var t = 0; t < types.Count; t++)
            {
                probabilities[t] += panel.Probability * panel.Counts[t] / types[t].Size;
            }
        }

        return probabilities;
    }

    public double[] AgentProbabilities(Instance instance)
    {
        var probabilities = new double[instance.AgentCount];
        var byType = TypeProbabilities(instance);
        for (var t = 0; t < byType.Length; t++)
        {
            foreach (var agent in instance.Types[t].Members)
            {
                probabilities[agent] = byType[t];
            }
        }

        return probabilities;
    }

    /// <summary>Draws a composition, then which members of each type fill it, all from <paramref name="random"/>.</summary>
    public int[] Sample(Instance instance, SeededRandom random)
    {
        var draw = random.NextDouble();
        var chosen = Panels[^1];
        foreach (var panel in Panels)
        {
            draw -= panel.Probability;
            if (draw < 0)
            {
                chosen = panel;
                break;
            }
        }

        var members = new List<int>();
        for (var t = 0; t < chosen.Counts.Length; t++)
        {
            members.AddRange(random.Sample(instance.Types[t].Members, chosen.Counts[t]));
        }

        members.Sort();
        return members.ToArray();
    }
}

internal sealed record TypePanel(int[] Counts, double Probability);
