namespace ParticipativeDemocracy.Sortition.Legacy;

/// <summary>
/// The Sortition Foundation's pre-2020 greedy procedure: repeatedly serve the quota value whose unmet
/// minimum is largest relative to the people still available, pick one of them uniformly at random,
/// drop housemates and values that reached their maximum; start again when a minimum becomes unreachable.
/// </summary>
internal static class LegacySelector
{
    public const int MaxAttempts = 20_000;

    public static int[] Draw(Instance instance, SeededRandom random)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var panel = new LegacyAttempt(instance, random).Run();
            if (panel is not null)
            {
                Array.Sort(panel);
                PanelCheck.Ensure(instance, panel);
                return panel;
            }
        }

        throw new SortitionProblemException(
            $"LEGACY found no valid panel in {MaxAttempts} attempts; the quotas are too tight for it, use LEXIMIN");
    }

    /// <summary>Selection frequencies over <paramref name="samples"/> independent LEGACY panels.</summary>
    public static double[] EstimateProbabilities(Instance instance, SeededRandom random, int samples)
    {
        var counts = new int[instance.AgentCount];
        for (var s = 0; s < samples; s++)
        {
            foreach (var agent in Draw(instance, random))
            {
                counts[agent]++;
            }
        }

        return counts.Select(c => (double)c / samples).ToArray();
    }
}
