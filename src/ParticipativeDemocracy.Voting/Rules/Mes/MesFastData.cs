using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// A profile's numbers as doubles for the floating-point run. Every one is an integer below 2^53,
/// so each is held exactly; <see cref="Create"/> returns null when that cannot be promised.
/// </summary>
internal sealed class MesFastData
{
    private const double ExactLimit = 9007199254740992.0;

    private MesFastData(CountingProfile profile, Utility utility)
    {
        Profile = profile;
        Cost = [.. profile.Costs.Select(c => (double)c)];
        Scale = utility == Utility.Cost ? Cost : [.. Cost.Select(_ => 1.0)];
        Weight = [.. profile.GroupWeights.Select(w => (double)w)];
        Groups = [.. profile.Supporters.Select(s => s.Select(e => e.Group).ToArray())];
        Utilities = [.. profile.Supporters.Select(s => s.Select(e => (double)e.Utility).ToArray())];
        UtilitySum = [.. profile.Supporters.Select(s => (double)TotalUtility(profile, s))];
        SameUtility = [.. Utilities.Select(u => u.Length > 0 && u.All(x => x == u[0]) ? u[0] : 0.0)];
        WeightSum = [.. Groups.Select(g => g.Sum(i => Weight[i]))];
        MaxSupporters = Groups.Select(g => g.Length).DefaultIfEmpty(0).Max();
        Offsets = new int[Groups.Length];
        SupporterCount = Groups.Sum(g => g.Length);
        for (int p = 0, offset = 0; p < Groups.Length; offset += Groups[p].Length, p++)
        {
            Offsets[p] = offset;
        }
    }

    public CountingProfile Profile { get; }

    public double[] Cost { get; }

    /// <summary>The divisor of a project's per-utility price: its cost for cost utility, else 1.</summary>
    public double[] Scale { get; }

    public double[] Weight { get; }

    public int[][] Groups { get; }

    public double[][] Utilities { get; }

    public double[] UtilitySum { get; }

    /// <summary>Per project, the utility every one of its supporters gains, or 0 when they differ.</summary>
    public double[] SameUtility { get; }

    /// <summary>Per project, how many voters support it (Σ w, an integer below 2^53).</summary>
    public double[] WeightSum { get; }

    public int MaxSupporters { get; }

    /// <summary>Where project p's list of supporters who can still pay starts, in one array for all projects.</summary>
    public int[] Offsets { get; }

    /// <summary>Σ over projects of their supporter groups: the length of that array.</summary>
    public int SupporterCount { get; }

    public static MesFastData? Create(CountingProfile profile, Utility utility)
    {
        var fits = profile.Costs.All(c => c < (BigInteger)ExactLimit)
            && profile.Supporters.All(s => TotalUtility(profile, s) < (BigInteger)ExactLimit);
        return fits ? new MesFastData(profile, utility) : null;
    }

    private static BigInteger TotalUtility(CountingProfile profile, IReadOnlyList<(int Group, long Utility)> supporters) =>
        supporters.Aggregate(BigInteger.Zero, (sum, e) => sum + ((BigInteger)profile.GroupWeights[e.Group] * e.Utility));
}
