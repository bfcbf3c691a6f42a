using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// One exact run of the Method of Equal Shares. Group g's money is <c>_money[g] / D</c> (scaled
/// currency units), where D is the denominator of the epoch the group was last brought up to
/// (<see cref="Current"/>), so all decisions are integer comparisons. When <c>_track</c> is set,
/// money is a line in s (extra money per voter), <c>(_money[g] + s·_slope[g]) / D</c>, and the run
/// records its horizon. Doubles in <c>_approx</c> only settle comparisons far from a tie.
/// </summary>
internal sealed partial class MesRun<T>
    where T : IBinaryInteger<T>
{
    private const double Margin = 1e-9;
    private readonly MesTierData<T> _data;
    private readonly int[] _ranks;
    private readonly bool _track;
    private readonly T[] _money;
    private readonly T[] _slope;
    private readonly double[] _approx;
    private readonly int[] _epoch;
    private readonly List<T> _growthSince = [T.One];
    private readonly bool[] _alive;
    private readonly Rho[] _bounds;
    private readonly bool[] _full;
    private readonly List<int> _selected = [];
    private readonly List<MesRound> _rounds = [];
    private T _denominator;
    private Horizon<T> _horizon;

    public MesRun(MesTierData<T> data, int[] ranks, BigInteger shareNum, BigInteger shareDen, bool track)
    {
        _data = data;
        _ranks = ranks;
        _track = track;
        _denominator = T.CreateChecked(shareDen);
        _money = [.. data.Weight.Select(_ => T.CreateChecked(shareNum))];
        _slope = [.. data.Weight.Select(_ => track ? _denominator : T.Zero)];
        _approx = [.. data.Weight.Select(_ => Ratio(_money[0], _denominator))];
        _epoch = new int[data.Weight.Length];
        _alive = new bool[data.Cost.Length];
        _bounds = new Rho[data.Cost.Length];
        _full = new bool[data.MaxSupporters];
    }

    public MesOutcome Run()
    {
        SelectFreeProjects();
        while (NextWinner() is { } winner)
        {
            if (_track)
            {
                RecordValidity(winner);
            }

            Charge(winner.Project, winner.Rho);
        }

        var cost = _selected.Aggregate(BigInteger.Zero, (sum, p) => sum + _data.Profile.Costs[p]);
        return new MesOutcome(_selected, cost, _rounds, Shortfalls(), _horizon.ToBigInteger());
    }

    private void SelectFreeProjects()
    {
        foreach (var p in Enumerable.Range(0, _alive.Length).OrderBy(p => _ranks[p]))
        {
            var supported = _data.Supporters[p].Length > 0;
            if (supported && _data.Cost[p] == T.Zero)
            {
                _selected.Add(p);
            }

            _alive[p] = supported && _data.Cost[p] > T.Zero;
        }
    }

    private (int Project, Rho Rho)? NextWinner()
    {
        var order = Enumerable.Range(0, _alive.Length).Where(p => _alive[p]).ToList();
        order.Sort(CompareBounds);
        var best = -1;
        foreach (var p in order)
        {
            if (best >= 0 && _bounds[p].IsKnown && !Before(p, best))
            {
                break;
            }

            if (Evaluate(p) is { } rho)
            {
                _bounds[p] = rho;
                if (best < 0 || Before(p, best))
                {
                    best = p;
                }
            }
        }

        return best < 0 ? null : (best, _bounds[best]);
    }

    /// <summary>The price per unit of utility for p, or null when its supporters cannot afford it.</summary>
    private Rho? Evaluate(int p)
    {
        var supporters = _data.Supporters[p];
        var approxTotal = 0.0;
        foreach (var (g, _) in supporters)
        {
            approxTotal += _data.WeightApprox[g] * _approx[g];
        }

        var need = _data.Cost[p] * _denominator;
        var cost = _data.CostApprox[p];
        if (approxTotal > cost * (1 + Margin))
        {
            return PriceOf(p, need);
        }

        if (approxTotal < cost * (1 - Margin) && !_track)
        {
            _alive[p] = false;
            return null;
        }

        var (total, totalSlope) = (T.Zero, T.Zero);
        foreach (var (g, _) in supporters)
        {
            Current(g);
            total += _data.Weight[g] * _money[g];
            totalSlope += _data.Weight[g] * _slope[g];
        }

        if (total >= need)
        {
            return PriceOf(p, need);
        }

        _alive[p] = false;
        _horizon.KeepNegative(total - need, totalSlope);
        return null;
    }

    /// <summary>Brings group g's numbers to the current denominator.</summary>
    private void Current(int g)
    {
        var epoch = _epoch[g];
        if (epoch == _growthSince.Count - 1)
        {
            return;
        }

        _money[g] *= _growthSince[epoch];
        _slope[g] *= _growthSince[epoch];
        _epoch[g] = _growthSince.Count - 1;
    }

    private bool Before(int a, int b)
    {
        var byPrice = Compare(_bounds[a], _bounds[b]);
        return byPrice < 0 || (byPrice == 0 && _ranks[a] < _ranks[b]);
    }

    private int CompareBounds(int a, int b)
    {
        var (ka, kb) = (_bounds[a].IsKnown, _bounds[b].IsKnown);
        if (ka != kb)
        {
            return ka ? 1 : -1;
        }

        var byPrice = ka ? Compare(_bounds[a], _bounds[b]) : 0;
        return byPrice != 0 ? byPrice : _ranks[a].CompareTo(_ranks[b]);
    }

    private static int Compare(Rho a, Rho b) => (a.Num * b.Den).CompareTo(b.Num * a.Den);

    /// <summary>Price per unit of utility: (Num + s·Slope) / Den, where Utility is the paying voters' total utility.</summary>
    private readonly record struct Rho(T Num, T Slope, T Utility, T Den)
    {
        public bool IsKnown => Den != T.Zero;
    }
}
