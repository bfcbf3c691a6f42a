namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// Panels one swap away from the pricing optimum that are still improving columns. Adding several
/// columns per round costs almost nothing and saves many linear-program solves.
/// </summary>
internal static class SwapNeighbours
{
    public static IEnumerable<int[]> Improving(Instance instance, int[] best, double[] weights, double threshold, int limit)
    {
        var value = best.Select((c, t) => c * weights[t]).Sum();
        var quotaCounts = QuotaCounts(instance, best);
        var householdUsed = HouseholdsUsed(instance, best);
        var candidates = new List<(double Value, int Out, int In)>();
        var types = instance.Types;
        for (var leaving = 0; leaving < best.Length; leaving++)
        {
            if (best[leaving] == 0)
            {
                continue;
            }

            for (var joining = 0; joining < best.Length; joining++)
            {
                var swapped = value - weights[leaving] + weights[joining];
                if (joining != leaving && swapped > threshold && best[joining] < types[joining].Size
                    && HouseholdFree(types[joining].Household, types[leaving].Household, householdUsed)
                    && QuotasHold(instance, quotaCounts, types[leaving].QuotaIndices, types[joining].QuotaIndices))
                {
                    candidates.Add((swapped, leaving, joining));
                }
            }
        }

        foreach (var (_, leaving, joining) in candidates.OrderByDescending(c => c.Value).Take(limit))
        {
            var panel = (int[])best.Clone();
            panel[leaving]--;
            panel[joining]++;
            yield return panel;
        }
    }

    private static bool HouseholdFree(int joining, int leaving, bool[] used) =>
        joining < 0 || joining == leaving || !used[joining];

    private static bool QuotasHold(Instance instance, int[] counts, int[] leaving, int[] joining)
    {
        foreach (var q in leaving)
        {
            if (Array.IndexOf(joining, q) < 0 && counts[q] - 1 < instance.Quotas[q].Min)
            {
                return false;
            }
        }

        foreach (var q in joining)
        {
            if (Array.IndexOf(leaving, q) < 0 && counts[q] + 1 > instance.Quotas[q].Max)
            {
                return false;
            }
        }

        return true;
    }

    private static int[] QuotaCounts(Instance instance, int[] panel)
    {
        var counts = new int[instance.Quotas.Count];
        for (var t = 0; t < panel.Length; t++)
        {
            foreach (var q in instance.Types[t].QuotaIndices)
            {
                counts[q] += panel[t];
            }
        }

        return counts;
    }

    private static bool[] HouseholdsUsed(Instance instance, int[] panel)
    {
        var used = new bool[instance.HouseholdCount];
        for (var t = 0; t < panel.Length; t++)
        {
            if (panel[t] > 0 && instance.Types[t].Household >= 0)
            {
                used[instance.Types[t].Household] = true;
            }
        }

        return used;
    }
}
