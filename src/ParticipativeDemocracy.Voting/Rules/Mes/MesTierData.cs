using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>A profile's numbers converted once to the integer type <typeparamref name="T"/> of one arithmetic tier.</summary>
internal sealed class MesTierData<T>
    where T : IBinaryInteger<T>
{
    public MesTierData(CountingProfile profile, Utility utility)
    {
        Profile = profile;
        Cost = [.. profile.Costs.Select(T.CreateChecked)];
        Scale = utility == Utility.Cost ? Cost : [.. Cost.Select(_ => T.One)];
        Weight = [.. profile.GroupWeights.Select(T.CreateChecked)];
        Supporters = [.. profile.Supporters.Select(s => s.Select(e => (e.Group, T.CreateChecked(e.Utility))).ToArray())];
        UtilitySum = [.. Supporters.Select(s => s.Aggregate(T.Zero, (sum, e) => sum + (Weight[e.Group] * e.Item2)))];
        MaxSupporters = Supporters.Select(s => s.Length).DefaultIfEmpty(0).Max();
        WeightApprox = [.. profile.GroupWeights.Select(w => (double)w)];
        CostApprox = [.. profile.Costs.Select(c => (double)c)];
        UtilityApprox = [.. profile.Supporters.Select(s => s.Select(e => (double)e.Utility).ToArray())];
    }

    /// <summary>Floating-point copies used only to settle comparisons that are far from a tie.</summary>
    public double[] WeightApprox { get; }

    public double[] CostApprox { get; }

    public double[][] UtilityApprox { get; }

    public CountingProfile Profile { get; }

    public T[] Cost { get; }

    /// <summary>The factor by which a project's per-utility price is divided: its cost for cost utility, else 1.</summary>
    public T[] Scale { get; }

    public T[] Weight { get; }

    public (int Group, T Utility)[][] Supporters { get; }

    public T[] UtilitySum { get; }

    public int MaxSupporters { get; }
}
