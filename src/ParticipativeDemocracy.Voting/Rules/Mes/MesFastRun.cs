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
    private readonly bool _explain;
    private double _paid;
    private double _paidError;
    private double _payers;
    private bool _uncertain;

    /// <param name="share">Each voter's starting money in scaled units, within <paramref name="shareError"/> of the exact share.</param>
    /// <param name="explain">Whether to record rounds and shortfalls (only the kept outcome needs them).</param>
    public MesFastRun(MesFastData data, int[] ranks, double share, double shareError, bool explain)
    {
        _explain = explain;
        _data = data;
        _ranks = ranks;
        _money = new double[data.Weight.Length];
        _error = new double[data.Weight.Length];
        Array.Fill(_money, share);
        Array.Fill(_error, shareError);
        _alive = new bool[data.Cost.Length];
        _bounds = new Price[data.Cost.Length];
        _full = new bool[data.MaxSupporters];
        _bestFull = new bool[data.MaxSupporters];
        _order = new int[data.Cost.Length];
        _orderKeys = new double[data.Cost.Length];
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
        foreach (var p in _order.AsSpan(0, count))
        {
            if (best >= 0 && _bounds[p].IsKnown && Order(p, best) is { } stale && (stale > 0 || (stale == 0 && _ranks[p] > _ranks[best])))
            {
                continue;
            }

            if (PriceOf(p) is not { } price)
            {
                _alive[p] = false;
                if (_uncertain)
                {
                    return null;
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

        return best < 0 ? null : best;
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

        if (total + bound < cost)
        {
            return false;
        }

        _uncertain = true;
        return null;
    }

    private void Charge(int w)
    {
        var price = _bounds[w];
        Array.Copy(_bestFull, _full, _data.Groups[w].Length);
        if (_explain)
        {
            RecordRound(w, price);
        }

        var (groups, utilities) = (_data.Groups[w], _data.Utilities[w]);
        for (var i = 0; i < groups.Length; i++)
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
