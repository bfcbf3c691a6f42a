using Google.OrTools.LinearSolver;

namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>The panel-size, quota and one-per-household rows over members-per-type variables.</summary>
internal static class PanelRows
{
    public static void Add(Solver solver, Instance instance, Variable[] counts)
    {
        AddPanelSize(solver, instance, counts);
        AddQuotas(solver, instance, counts);
        AddHouseholds(solver, instance, counts);
    }

    private static void AddPanelSize(Solver solver, Instance instance, Variable[] counts)
    {
        var size = solver.MakeConstraint(instance.PanelSize, instance.PanelSize, "panel_size");
        foreach (var count in counts)
        {
            size.SetCoefficient(count, 1);
        }
    }

    private static void AddQuotas(Solver solver, Instance instance, Variable[] counts)
    {
        var constraints = instance.Quotas.Select((q, i) => solver.MakeConstraint(q.Min, q.Max, $"q{i}")).ToArray();
        for (var t = 0; t < counts.Length; t++)
        {
            foreach (var q in instance.Types[t].QuotaIndices)
            {
                constraints[q].SetCoefficient(counts[t], 1);
            }
        }
    }

    private static void AddHouseholds(Solver solver, Instance instance, Variable[] counts)
    {
        var households = Enumerable.Range(0, instance.HouseholdCount)
            .Select(h => solver.MakeConstraint(0, 1, $"h{h}"))
            .ToArray();
        for (var t = 0; t < counts.Length; t++)
        {
            var household = instance.Types[t].Household;
            if (household >= 0)
            {
                households[household].SetCoefficient(counts[t], 1);
            }
        }
    }

    /// <summary>Whether <paramref name="panel"/> (members per type) meets the size, every quota and the household rule.</summary>
    public static bool Hold(Instance instance, int[] panel)
    {
        var quotaCounts = new int[instance.Quotas.Count];
        var householdCounts = new int[instance.HouseholdCount];
        var size = 0;
        for (var t = 0; t < panel.Length; t++)
        {
            var type = instance.Types[t];
            if (panel[t] < 0 || panel[t] > type.Size)
            {
                return false;
            }

            size += panel[t];
            foreach (var q in type.QuotaIndices)
            {
                quotaCounts[q] += panel[t];
            }

            if (type.Household >= 0)
            {
                householdCounts[type.Household] += panel[t];
            }
        }

        return size == instance.PanelSize
            && householdCounts.All(c => c <= 1)
            && quotaCounts.Select((c, q) => c >= instance.Quotas[q].Min && c <= instance.Quotas[q].Max).All(ok => ok);
    }
}
