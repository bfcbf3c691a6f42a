using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// Runs Equal Shares. An untracked run is tried first in floating point with proven error bounds
/// (<see cref="MesFastRun"/>), which settles almost every decision; if it cannot settle one, the run
/// is repeated exactly in the cheapest integer type that holds the numbers: 64-bit, then 128-bit,
/// then arbitrary precision. Arithmetic is checked, so an overflow restarts the run one tier up
/// instead of giving a wrong answer; later runs start at the tier that last sufficed.
/// </summary>
internal sealed class MesEngine(CountingProfile profile, int[] ranks, Utility utility)
{
    private const int LastTier = 2;
    private readonly MesTiers _tiers = MesTiers.For(profile, utility);

    public CountingProfile Profile => profile;

    public int Runs { get; private set; }

    public int ExactRuns { get; private set; }

    /// <summary>One run with each voter starting with B/n plus <paramref name="extraUnits"/> whole currency units.</summary>
    public MesOutcome Run(long extraUnits, bool track)
    {
        if (!track && TryFast(extraUnits) is { } outcome)
        {
            Runs++;
            return outcome;
        }

        return RunExact(extraUnits, track);
    }

    /// <summary>The floating-point run, or null when it could not prove every decision.</summary>
    public MesOutcome? TryFast(long extraUnits)
    {
        if (_tiers.Fast is not { } fast)
        {
            return null;
        }

        // The share is one correctly rounded conversion and one division away from exact.
        var (shareNum, voters) = Share(extraUnits);
        var share = (double)shareNum / voters;
        return new MesFastRun(fast, ranks, share, 3 * 1.12e-16 * share).Run();
    }

    /// <summary>The same run in exact arithmetic only (the fast path's reference).</summary>
    public MesOutcome RunExact(long extraUnits, bool track)
    {
        Runs++;
        var (shareNum, voters) = Share(extraUnits);
        return RunExact(shareNum, voters, track);
    }

    private (BigInteger Num, int Den) Share(long extraUnits)
    {
        var voters = Math.Max(profile.Voters, 1);
        return (profile.Voters == 0 ? BigInteger.Zero : profile.Budget + (extraUnits * profile.Money.Unit * voters), voters);
    }

    private MesOutcome RunExact(BigInteger shareNum, int voters, bool track)
    {
        ExactRuns++;
        while (true)
        {
            try
            {
                return _tiers.Tier switch
                {
                    0 => new MesRun<long>(_tiers.Long, ranks, shareNum, voters, track).Run(),
                    1 => new MesRun<Int128>(_tiers.Int128, ranks, shareNum, voters, track).Run(),
                    _ => new MesRun<BigInteger>(_tiers.Big, ranks, shareNum, voters, track).Run(),
                };
            }
            catch (OverflowException) when (_tiers.Tier < LastTier)
            {
                _tiers.Tier++;
            }
        }
    }
}
