namespace ParticipativeDemocracy.Voting;

/// <summary>Turns a tie-break rule into a rank per project: on an exact tie the lower rank wins.</summary>
internal static class TieBreaker
{
    public static int[] Ranks(IReadOnlyList<Project> projects, IReadOnlyList<long> votes, TieBreak rule, ulong seed)
    {
        var order = Enumerable.Range(0, projects.Count).ToArray();
        var byId = Comparer<int>.Create((a, b) => string.CompareOrdinal(projects[a].Id, projects[b].Id));
        Array.Sort(order, byId);
        if (rule == TieBreak.CostVotesLot)
        {
            var lot = Lot(order, seed);
            order = [.. order.OrderBy(p => projects[p].Cost).ThenByDescending(p => votes[p]).ThenBy(p => lot[p])];
        }

        var ranks = new int[projects.Count];
        for (var i = 0; i < order.Length; i++)
        {
            ranks[order[i]] = i;
        }

        return ranks;
    }

    /// <summary>A Fisher–Yates shuffle of the id-sorted projects driven by SplitMix64, so anyone can redo the draw.</summary>
    private static int[] Lot(int[] idOrder, ulong seed)
    {
        var shuffled = (int[])idOrder.Clone();
        var state = seed;
        for (var i = shuffled.Length - 1; i > 0; i--)
        {
            var j = (int)(SplitMix64.Next(ref state) % (ulong)(i + 1));
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        var position = new int[idOrder.Length];
        for (var i = 0; i < shuffled.Length; i++)
        {
            position[shuffled[i]] = i;
        }

        return position;
    }
}

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): tiny, fully specified, reproducible in any language.</summary>
internal static class SplitMix64
{
    public static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
