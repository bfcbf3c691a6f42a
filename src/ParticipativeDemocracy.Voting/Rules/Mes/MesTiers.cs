using System.Numerics;
using System.Runtime.CompilerServices;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// A profile's numbers prepared once for every kind of Equal Shares run, kept as long as the
/// profile lives, so that repeated counts and add1 completions do not convert them again.
/// </summary>
internal sealed class MesTiers
{
    private static readonly ConditionalWeakTable<CountingProfile, MesTiers[]> Cache = new();
    private readonly Lazy<MesFastData?> _fast;
    private readonly Lazy<MesTierData<long>> _long;
    private readonly Lazy<MesTierData<Int128>> _int128;
    private readonly Lazy<MesTierData<BigInteger>> _big;
    private int _tier;

    private MesTiers(CountingProfile profile, Utility utility)
    {
        _fast = new(() => MesFastData.Create(profile, utility));
        _long = new(() => new(profile, utility));
        _int128 = new(() => new(profile, utility));
        _big = new(() => new(profile, utility));
    }

    public MesFastData? Fast => _fast.Value;

    public MesTierData<long> Long => _long.Value;

    public MesTierData<Int128> Int128 => _int128.Value;

    public MesTierData<BigInteger> Big => _big.Value;

    /// <summary>The exact tier that last sufficed (0: long, 1: Int128, 2: BigInteger).</summary>
    public int Tier
    {
        get => Volatile.Read(ref _tier);
        set => Volatile.Write(ref _tier, Math.Max(value, Volatile.Read(ref _tier)));
    }

    public static MesTiers For(CountingProfile profile, Utility utility)
    {
        var slots = Cache.GetValue(profile, p => [.. Enum.GetValues<Utility>().Select(u => new MesTiers(p, u))]);
        return slots[(int)utility];
    }
}
