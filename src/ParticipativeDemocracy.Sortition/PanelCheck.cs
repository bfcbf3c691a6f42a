namespace ParticipativeDemocracy.Sortition;

/// <summary>The last line of defence: no panel leaves the engine unless every rule holds.</summary>
internal static class PanelCheck
{
    public static IReadOnlyList<string> Violations(Instance instance, IReadOnlyCollection<int> panel)
    {
        var problems = new List<string>();
        if (panel.Count != instance.PanelSize)
        {
            problems.Add($"the panel has {panel.Count} members, not {instance.PanelSize}");
        }

        if (panel.Distinct().Count() != panel.Count)
        {
            problems.Add("the panel lists a member twice");
        }

        var counts = new int[instance.Quotas.Count];
        foreach (var agent in panel)
        {
            foreach (var q in instance.AgentQuotas[agent])
            {
                counts[q]++;
            }
        }

        for (var q = 0; q < counts.Length; q++)
        {
            var quota = instance.Quotas[q];
            if (counts[q] < quota.Min || counts[q] > quota.Max)
            {
                problems.Add($"{quota.Label} has {counts[q]} members, outside [{quota.Min}, {quota.Max}]");
            }
        }

        var sharedHouseholds = panel.Select(a => instance.HouseholdOf[a]).Where(h => h >= 0).ToList();
        if (sharedHouseholds.Distinct().Count() != sharedHouseholds.Count)
        {
            problems.Add("two members share a household");
        }

        return problems;
    }

    public static void Ensure(Instance instance, IReadOnlyCollection<int> panel)
    {
        var problems = Violations(instance, panel);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Internal error, refusing an invalid panel: " + string.Join("; ", problems));
        }
    }
}
