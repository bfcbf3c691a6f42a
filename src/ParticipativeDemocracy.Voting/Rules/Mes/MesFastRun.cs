using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// One Equal Shares run in floating point that still decides exactly. Each group's money
/// <c>_money[g]</c> carries a proven bound <c>_error[g]</c> on its distance from the exact value,
/// and every derived number carries one too. A decision is taken only when its bound shows the
/// exact answer; when it cannot, the run gives up (<see cref="Run"/> returns null) and the caller
/// repeats it in exact arithmetic. Doubles round with relative error at most 2^-53.
/// </summary>
internal sealed partial class MesFastRun
{
    /// <summary>The unit roundoff 2^-53, rounded up.</summary>
    private const double Eps = 1.12e-16;

    /// <summary>Widens every bound so that the rounding of the bound arithmetic itself is covered.</summary>
    private const double Slack = 1.000001;

    /// <summary>A project not yet priced in this run: its list of who may still pay is not built yet.</summary>
    private const int Unlisted = -1;

    private readonly MesFastData _data;
    private readonly int[] _ranks;
    private readonly double[] _money;
    private readonly double[] _error;
    private readonly bool[] _alive;
    private readonly Price[] _bounds;
    private readonly bool[] _full;
    private readonly bool[] _bestFull;
    private readonly int[] _order;
    private readonly double[] _orderKeys;
    private readonly List<int> _selected = [];
    private readonly List<MesRound> _rounds = [];
    private readonly List<int> _fullWithMoney = [];

    /// <summary>This round's projects of unsettled affordability, each with its lowest possible price in <c>_bounds</c>.</summary>
    private readonly List<int> _unsettled = [];

    /// <summary>
    /// Per project, the positions of supporters whose group may still hold money, compacted lazily:
    /// a group whose money is exactly 0 with no error pays exactly 0 and stays at 0, so it only
    /// counts as a full payer, which <c>_spent</c> (its Σ w·u) accounts for.
    /// </summary>
    private readonly int[] _live;
    private readonly int[] _liveCount;
    private readonly double[] _spent;
    private readonly bool _explain;
    private double _paid;
    private double _paidError;
    private double _payers;
    private bool _uncertain;

    /// <summary>True until the first charge: every group still holds the starting share.</summary>
    private bool _uniform = true;
    private readonly double _share;
    private readonly double _shareError;

    /// <summary>Set when the last <see cref="PriceOf"/> returned null because affordability could not be settled.</summary>
    private bool _maybeAffordable;

    /// <param name="share">Each voter's starting money in scaled units, within <paramref name="shareError"/> of the exact share.</param>
    /// <param name="explain">Whether to record rounds and shortfalls (only the kept outcome needs them).</param>
    /// <param name="buffers">Working arrays for this run only (reset here), from <see cref="MesFastBuffers"/>.</param>
    public MesFastRun(MesFastBuffers buffers, int[] ranks, double share, double shareError, bool explain)
    {
        _explain = explain;
        _data = buffers.Data;
        _ranks = ranks;
        (_money, _error, _alive, _full, _bestFull) = (buffers.Money, buffers.Error, buffers.Alive, buffers.Full, buffers.BestFull);
        (_order, _orderKeys, _live, _liveCount, _spent) = (buffers.Order, buffers.OrderKeys, buffers.Live, buffers.LiveCount, buffers.Spent);
        (_share, _shareError) = (share, shareError);
        Array.Fill(_money, share);
        Array.Fill(_error, shareError);
        _bounds = new Price[_data.Cost.Length];
        Array.Fill(_liveCount, Unlisted);
        Array.Clear(_spent);
    }

    public MesOutcome? Run()
    {
        SelectFreeProjects();
        while (NextWinner() is { } winner)
        {
            Charge(winner);
        }

        if (_uncertain)
        {
            return null;
        }

        var cost = _selected.Aggregate(BigInteger.Zero, (sum, p) => sum + _data.Profile.Costs[p]);
        return new MesOutcome(_selected, cost, _rounds, _explain ? Shortfalls() : [], null);
    }

    private void SelectFreeProjects()
    {
        foreach (var p in Enumerable.Range(0, _alive.Length).OrderBy(p => _ranks[p]))
        {
            var supported = _data.Groups[p].Length > 0;
            if (supported && _data.Cost[p] == 0)
            {
                _selected.Add(p);
            }

            _alive[p] = supported && _data.Cost[p] > 0;
        }
    }

    /// <summary>
    /// As in the exact run, stale prices are lower bounds, so a project whose stale price is certainly
    /// behind the best is skipped. It is a skip, not a stop: error bounds differ between projects.
    /// A project whose affordability the bounds cannot settle (common in range runs, where a project
    /// becomes affordable somewhere inside the range) need not be settled when even the lowest price it
    /// could have if affordable is certainly behind the best: it loses this round either way.
    /// </summary>
    private int? NextWinner()
    {
        var count = 0;
        for (var p = 0; p < _alive.Length; p++)
        {
            if (_alive[p])
            {
                // Unknown prices first; the order only makes skipping likelier, it decides nothing.
                (_order[count], _orderKeys[count]) = (p, _bounds[p].IsKnown ? _bounds[p].Value : -1.0);
                count++;
            }
        }

        Array.Sort(_orderKeys, _order, 0, count);
        var best = -1;
        _unsettled.Clear();
        foreach (var p in _order.AsSpan(0, count))
        {
            if (best >= 0 && _bounds[p].IsKnown && Order(p, best) is { } stale && (stale > 0 || (stale == 0 && _ranks[p] > _ranks[best])))
            {
                continue;
            }

            if (PriceOf(p) is not { } price)
            {
                if (_uncertain)
                {
                    return null;
                }

                if (_maybeAffordable && _data.UtilitySum[p] > 0)
                {
                    _bounds[p] = LowestPrice(p);
                    _unsettled.Add(p);
                }
                else if (_maybeAffordable)
                {
                    _uncertain = true;
                    return null;
                }
                else
                {
                    _alive[p] = false;
                }

                continue;
            }

            _bounds[p] = price;
            if (!_uncertain && (best < 0 || Before(p, best)))
            {
                best = p;
                Array.Copy(_full, _bestFull, _data.Groups[p].Length);
            }

            if (_uncertain)
            {
                return null;
            }
        }

        foreach (var p in _unsettled)
        {
            if (best < 0 || Order(p, best) is not > 0)
            {
                _uncertain = true;
                return null;
            }
        }

        return best < 0 ? null : best;
    }

    /// <summary>
    /// A lower bound on p's price were it affordable: Σ w·min(m, ρu) ≤ ρ·Σ w·u, so ρ ≥ cost / Σ w·u.
    /// Prices only rise from round to round, so it stays a valid stale bound.
    /// </summary>
    private Price LowestPrice(int p)
    {
        var perUtility = _data.Cost[p] / _data.UtilitySum[p];
        var value = perUtility / _data.Scale[p];
        return new Price(value, Slack * 3 * Eps * value, perUtility, Slack * Eps * perUtility, _data.UtilitySum[p], FromCost: false);
    }

    /// <summary>Whether p's supporters, holding <paramref name="total"/> within <paramref name="error"/>, certainly have its cost (true), certainly not (false), or null when too close to tell.</summary>
    private bool? Affordable(int p, double total, double error)
    {
        var groups = _data.Groups[p];
        var bound = Slack * (error + ((groups.Length + 3) * Eps * total));
        var cost = _data.Cost[p];
        if (total - bound >= cost)
        {
            return true;
        }

        return total + bound < cost ? false : null;
    }

    /// <summary>p's list of who may still pay; only valid once <see cref="CompactLive"/> has listed p in this run.</summary>
    private Span<int> Live(int p) => _live.AsSpan(_data.Offsets[p], _liveCount[p]);

    /// <summary>Drops p's supporters whose group is certainly out of money, and returns the rest (listing p on first use).</summary>
    private Span<int> CompactLive(int p)
    {
        var (groups, utilities) = (_data.Groups[p], _data.Utilities[p]);
        var listed = _liveCount[p] != Unlisted;
        var live = _live.AsSpan(_data.Offsets[p], listed ? _liveCount[p] : groups.Length);
        var kept = 0;
        for (var k = 0; k < live.Length; k++)
        {
            var i = listed ? live[k] : k;
            var g = groups[i];
            if (_money[g] == 0 && _error[g] == 0)
            {
                _spent[p] += _data.Weight[g] * utilities[i];
            }
            else
            {
                live[kept++] = i;
            }
        }

        _liveCount[p] = kept;
        return live[..kept];
    }

    private bool IsSpent(int g) => _money[g] == 0 && _error[g] == 0;

    private void Charge(int w)
    {
        _uniform = false;
        if (_liveCount[w] == Unlisted)
        {
            CompactLive(w);
        }

        var price = _bounds[w];
        Array.Copy(_bestFull, _full, _data.Groups[w].Length);
        if (_explain)
        {
            RecordRound(w, price);
        }

        var (groups, utilities) = (_data.Groups[w], _data.Utilities[w]);
        foreach (var i in Live(w))
        {
            var g = groups[i];
            if (_full[i])
            {
                // m − ρ*·u is at most this; where that is not positive the group is certainly left with exactly 0.
                var low = (price.PerUtility - price.PerUtilityError) * utilities[i];
                var most = _money[g] + _error[g] - low + (2 * Eps * (_money[g] + Math.Abs(low)));
                (_money[g], _error[g]) = most <= 0 ? (0.0, 0.0) : (most / 2, Slack * most / 2);
                continue;
            }

            var payment = price.PerUtility * utilities[i];
            var left = _money[g] - payment;
            _error[g] = Slack * (_error[g] + (utilities[i] * price.PerUtilityError) + (2 * Eps * (payment + Math.Abs(left))));
            _money[g] = Math.Max(left, 0.0);
        }

        _alive[w] = false;
        _selected.Add(w);
    }
}
