using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// The add1 loop: raise every voter's share by one currency unit until the outcome is exhaustive
/// (not for add1-full) or the next step would overspend. Rather than one run per step, a
/// floating-point run over a whole range of shares proves that the outcome is the same at every
/// step of the range; ranges double while that works and halve when it does not, so long
/// stretches without change cost a few runs. Without a floating-point profile, a tracked exact
/// run's horizon gives the jump instead.
/// </summary>
internal sealed class ShareRaiser
{
    /// <summary>After an outcome held this many steps, the next one likely holds long too: ranges at once.</summary>
    private const long LongStretch = 8;

    private readonly MesEngine _engine;
    private readonly CountingProfile _profile;
    private readonly bool _stopOnExhaustive;
    private readonly List<int> _candidates;
    private long _span = 1;
    private int _unchanged;
    private int _patience = 2;

    /// <summary>The last share of the last range that failed, while its steps are not all settled.</summary>
    private long? _failedAt;

    /// <summary>The first step of the kept outcome's stretch of unchanged shares.</summary>
    private long _since;
    private (long Extra, MesOutcome Outcome)? _ahead;

    public ShareRaiser(MesEngine engine, Completion completion)
    {
        _engine = engine;
        _profile = engine.Profile;
        _stopOnExhaustive = completion != Completion.Add1Full;
        _candidates = [.. Enumerable.Range(0, _profile.ProjectCount).Where(p => _profile.Supporters[p].Count > 0 && !_profile.Costs[p].IsZero)];
    }

    /// <summary>The extra whole units per voter whose outcome the completion keeps.</summary>
    public long Raise()
    {
        var (extra, kept) = (0L, _engine.Selection(0));
        while (!Stops(kept))
        {
            // The kept outcome holds from extra to First − 1, the new one from First to Last.
            if (Next(extra, kept) is not var (outcome, first, last))
            {
                return extra;
            }

            if (outcome.Cost > _profile.Budget)
            {
                return first - 1;
            }

            if (Stops(outcome))
            {
                return first;
            }

            (extra, kept) = (last, outcome);
        }

        return extra;
    }

    /// <summary>
    /// Single steps while the outcome keeps changing; once it has stayed the same for a few steps,
    /// ranges that double on success. A failed range holds the change (or a decision too close to
    /// settle over the range), so it is bisected down to two steps, which are then taken singly; a
    /// change found that way after a long stretch goes straight back to ranges. Failed attempts make the next try wait longer.
    /// A step already run on the second thread is always taken: it costs nothing more.
    /// </summary>
    private (MesOutcome Outcome, long First, long Last)? Next(long extra, MesOutcome kept)
    {
        if (!_engine.HasFastRuns)
        {
            return Jump(extra);
        }

        if (_ahead?.Extra != extra + 1)
        {
            while (_failedAt is { } end ? end - extra > 2 : _span > 1)
            {
                var last = _failedAt is { } failed ? extra + ((failed - extra) / 2) : extra + _span;
                if (_engine.TryRange(extra + 1, last) is { } range)
                {
                    if (_failedAt is null)
                    {
                        (_span, _patience) = (2 * _span, 2);
                    }

                    return (range, extra + 1, last);
                }

                (_failedAt, _span) = (last, 1);
            }
        }

        var outcome = Single(extra + 1);
        var bisecting = _failedAt is not null;
        if (_failedAt <= extra + 1)
        {
            _failedAt = null;
        }

        var changed = !outcome.Selected.SequenceEqual(kept.Selected);
        _unchanged = changed ? 0 : _unchanged + 1;
        var stretch = extra + 1 - _since;
        _since = changed ? extra + 1 : _since;
        if (bisecting && changed && stretch >= LongStretch)
        {
            (_failedAt, _span) = (null, 2);
        }
        else if (_failedAt is null && _unchanged >= _patience)
        {
            (_span, _unchanged, _patience) = (2, 0, 2 * _patience);
        }

        return (outcome, extra + 1, extra + 1);
    }

    /// <summary>
    /// The selection at one share, with the next share's run done at the same time on another thread:
    /// while the outcome keeps changing every few steps, that next step is nearly always asked for.
    /// Runs are pure, so the result and the number of runs do not depend on the threads.
    /// </summary>
    private MesOutcome Single(long extra)
    {
        if (_ahead is var (aheadExtra, aheadOutcome) && aheadExtra == extra)
        {
            _ahead = null;
            return aheadOutcome;
        }

        var next = Task.Run(() => _engine.Selection(extra + 1));
        var outcome = _engine.Selection(extra);
        _ahead = (extra + 1, next.GetAwaiter().GetResult());
        return outcome;
    }

    /// <summary>Past the tracked run's horizon: the first whole-unit share at which a decision could change.</summary>
    private (MesOutcome Outcome, long First, long Last)? Jump(long extra)
    {
        if (_engine.Run(extra, track: true).Horizon is not { } horizon)
        {
            return null;
        }

        var units = horizon.Den * _profile.Money.Unit;
        var next = extra + (long)BigInteger.Max(BigInteger.Divide(horizon.Num + units - 1, units), BigInteger.One);
        return (_engine.Selection(next), next, next);
    }

    private bool Stops(MesOutcome outcome)
    {
        var selected = outcome.Selected.ToHashSet();
        if (_candidates.All(selected.Contains))
        {
            return true;
        }

        var left = _profile.Budget - outcome.Cost;
        return _stopOnExhaustive && _candidates.All(p => selected.Contains(p) || _profile.Costs[p] > left);
    }
}
