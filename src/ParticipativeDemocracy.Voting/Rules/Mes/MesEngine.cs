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
    private MesFastBuffers? _spare;

    public CountingProfile Profile => profile;

    private int _runs;
    private int _exactRuns;

    public int Runs => Volatile.Read(ref _runs);

    public int ExactRuns => Volatile.Read(ref _exactRuns);

    public bool HasFastRuns => _tiers.Fast is not null;

    /// <summary>One run with each voter starting with B/n plus <paramref name="extraUnits"/> whole currency units.</summary>
    public MesOutcome Run(long extraUnits, bool track) =>
        (track ? null : TryRange(extraUnits, extraUnits, explain: true)) ?? RunExact(extraUnits, track);

    /// <summary>The selection at one share, without the explanation when the floating-point run settles it.</summary>
    public MesOutcome Selection(long extraUnits) => TryRange(extraUnits, extraUnits) ?? RunExact(extraUnits, track: false);

    /// <summary>The floating-point run at one share, or null when it could not prove every decision.</summary>
    public MesOutcome? TryFast(long extraUnits) => TryRange(extraUnits, extraUnits, explain: true);

    /// <summary>
    /// One floating-point run for every share from <paramref name="first"/> to <paramref name="last"/>
    /// extra units at once: the run starts from the middle share with an error bound that covers the
    /// whole range, so if it proves every decision, the outcome is the same at each of those shares.
    /// Null when it cannot prove that (or there is no floating-point profile).
    /// </summary>
    public MesOutcome? TryRange(long first, long last, bool explain = false)
    {
        if (_tiers.Fast is not { } fast)
        {
            return null;
        }

        Interlocked.Increment(ref _runs);
        var (low, voters) = Share(first);
        var (high, _) = Share(last);
        var middle = (double)(low + high) / (2.0 * voters);
        var halfWidth = (double)(high - low) / (2.0 * voters);
        var error = 1.000001 * (halfWidth + (4 * 1.12e-16 * (middle + halfWidth)));
        var buffers = Interlocked.Exchange(ref _spare, null) ?? new MesFastBuffers(fast);
        var outcome = new MesFastRun(buffers, ranks, middle, error, explain).Run();
        Volatile.Write(ref _spare, buffers);
        return outcome;
    }

    /// <summary>The same run in exact arithmetic only (the fast path's reference).</summary>
    public MesOutcome RunExact(long extraUnits, bool track)
    {
        Interlocked.Increment(ref _runs);
        Interlocked.Increment(ref _exactRuns);
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
