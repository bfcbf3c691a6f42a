using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition.Feasibility;

/// <summary>Cheap explanations of infeasibility: one category's bounds against k, or a minimum above supply.</summary>
internal static class QuotaConflicts
{
    public static List<string> Find(Instance instance)
    {
        var conflicts = new List<string>();
        var k = instance.PanelSize;
        foreach (var category in instance.Quotas.GroupBy(q => q.Category, StringComparer.Ordinal))
        {
            var minimums = category.Sum(q => q.Min);
            var maximums = category.Sum(q => q.Max);
            if (minimums > k)
            {
                conflicts.Add($"the minimums of '{category.Key}' add up to {minimums}, more than the panel size {k}");
            }

            if (maximums < k)
            {
                conflicts.Add($"the maximums of '{category.Key}' add up to {maximums}, less than the panel size {k}");
            }
        }

        var supply = Supply(instance);
        for (var q = 0; q < supply.Length; q++)
        {
            var quota = instance.Quotas[q];
            if (quota.Min > supply[q])
            {
                conflicts.Add($"{quota.Label} needs at least {quota.Min} members but only {supply[q]} respondents have it");
            }
        }

        if (instance.Types.Sum(t => t.Household < 0 ? t.Size : 0) + instance.HouseholdCount < k)
        {
            conflicts.Add($"fewer than {k} households are in the pool");
        }

        return conflicts;
    }

    public static string Describe(IReadOnlyList<QuotaChange> changes) =>
        "these quotas cannot hold together: " + string.Join(", ", changes.Select(c => $"{c.Category}={c.Value} ({c.Bound.ToString().ToUpperInvariant()} {c.From})"));

    private static int[] Supply(Instance instance)
    {
        var supply = new int[instance.Quotas.Count];
        foreach (var quotas in instance.AgentQuotas)
        {
            foreach (var q in quotas)
            {
                supply[q]++;
            }
        }

        return supply;
    }
}
