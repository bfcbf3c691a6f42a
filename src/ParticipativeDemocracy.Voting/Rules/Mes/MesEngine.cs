using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// Runs Equal Shares in the cheapest exact integer type that holds the numbers: 64-bit, then
/// 128-bit, then arbitrary precision. Arithmetic is checked, so an overflow restarts the run one
/// tier up instead of giving a wrong answer; later runs start at the tier that last sufficed.
/// </summary>
internal sealed class MesEngine(CountingProfile profile, int[] ranks, Utility utility)
{
    private const int LastTier = 2;
    private MesTierData<long>? _longData;
    private MesTierData<Int128>? _int128Data;
    private MesTierData<BigInteger>? _bigData;
    private int _tier;

    public CountingProfile Profile => profile;

    public int Runs { get; private set; }

    /// <summary>One run with each voter starting with B/n plus <paramref name="extraUnits"/> whole currency units.</summary>
    public MesOutcome Run(long extraUnits, bool track)
    {
        Runs++;
        var voters = Math.Max(profile.Voters, 1);
        var shareNum = profile.Voters == 0 ? BigInteger.Zero : profile.Budget + (extraUnits * profile.Money.Unit * voters);
        while (true)
        {
            try
            {
                return _tier switch
                {
                    0 => new MesRun<long>(_longData ??= new(profile, utility), ranks, shareNum, voters, track).Run(),
                    1 => new MesRun<Int128>(_int128Data ??= new(profile, utility), ranks, shareNum, voters, track).Run(),
                    _ => new MesRun<BigInteger>(_bigData ??= new(profile, utility), ranks, shareNum, voters, track).Run(),
                };
            }
            catch (OverflowException) when (_tier < LastTier)
            {
                _tier++;
            }
        }
    }
}
