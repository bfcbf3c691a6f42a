using System.Numerics;

namespace ParticipativeDemocracy.Voting;

internal sealed partial class MesRun<T>
{
    /// <summary>
    /// Records every decision the winner relied on: it beat each other live project (the others'
    /// prices are lower bounds, so beating the bound suffices), it was affordable, and exactly its
    /// full payers could not pay the equal price.
    /// </summary>
    private void RecordValidity((int Project, Rho Rho) winner)
    {
        var (w, price) = winner;
        for (var p = 0; p < _alive.Length; p++)
        {
            if (!_alive[p] || p == w)
            {
                continue;
            }

            var bound = _bounds[p];
            var a = (bound.Num * price.Den) - (price.Num * bound.Den);
            var b = (bound.Slope * price.Den) - (price.Slope * bound.Den);
            if (_ranks[w] < _ranks[p])
            {
                _horizon.KeepNonNegative(a, b);
            }
            else
            {
                _horizon.KeepPositive(a, b);
            }
        }

        PriceOf(w, _data.Cost[w] * _denominator);
        var supporters = _data.Supporters[w];
        for (var i = 0; i < supporters.Length; i++)
        {
            var (g, u) = supporters[i];
            Current(g);
            var a = (_money[g] * price.Utility) - (price.Num * u);
            var b = (_slope[g] * price.Utility) - (price.Slope * u);
            if (_full[i])
            {
                _horizon.KeepNegative(a, b);
            }
            else
            {
                _horizon.KeepNonNegative(a, b);
            }
        }
    }

    private void Charge(int w, Rho price)
    {
        PriceOf(w, _data.Cost[w] * _denominator);
        RecordRound(w, price);
        var gcd = Gcd(Gcd(price.Utility, price.Num), price.Slope);
        var factor = price.Utility / gcd;
        var (share, shareSlope) = (price.Num / gcd, price.Slope / gcd);
        if (factor != T.One)
        {
            _denominator *= factor;
            for (var e = 0; e < _growthSince.Count; e++)
            {
                _growthSince[e] *= factor;
            }

            _growthSince.Add(T.One);
        }

        var supporters = _data.Supporters[w];
        for (var i = 0; i < supporters.Length; i++)
        {
            var (g, u) = supporters[i];
            Current(g);
            (_money[g], _slope[g]) = _full[i] ? (T.Zero, T.Zero) : (_money[g] - (share * u), _slope[g] - (shareSlope * u));
            _approx[g] = Ratio(_money[g], _denominator);
        }

        _alive[w] = false;
        _selected.Add(w);
    }

    private void RecordRound(int w, Rho price)
    {
        var supporters = _data.Supporters[w];
        var (voters, fullVoters, fullMoney) = (0L, 0L, T.Zero);
        for (var i = 0; i < supporters.Length; i++)
        {
            var g = supporters[i].Group;
            Current(g);
            var weight = _data.Profile.GroupWeights[g];
            voters += weight;
            if (_full[i])
            {
                fullVoters += weight;
                fullMoney += _data.Weight[g] * _money[g];
            }
        }

        var money = _data.Profile.Money;
        var denominator = BigInteger.CreateChecked(_denominator);
        _rounds.Add(new MesRound(
            _rounds.Count + 1,
            w,
            voters,
            fullVoters,
            money.Round(BigInteger.CreateChecked(fullMoney), denominator),
            money.Round(BigInteger.CreateChecked(price.Num), denominator * BigInteger.CreateChecked(price.Utility))));
    }

    private List<MesShortfall> Shortfalls()
    {
        var shortfalls = new List<MesShortfall>();
        var denominator = BigInteger.CreateChecked(_denominator);
        for (var p = 0; p < _alive.Length; p++)
        {
            if (_selected.Contains(p))
            {
                continue;
            }

            var (voters, left) = (0L, BigInteger.Zero);
            foreach (var (g, _) in _data.Supporters[p])
            {
                Current(g);
                voters += _data.Profile.GroupWeights[g];
                left += _data.Profile.GroupWeights[g] * BigInteger.CreateChecked(_money[g]);
            }

            shortfalls.Add(new MesShortfall(p, voters, _data.Profile.Money.Round(left, denominator)));
        }

        return shortfalls;
    }

    private static T Gcd(T a, T b)
    {
        if (typeof(T) == typeof(BigInteger))
        {
            return (T)(object)BigInteger.GreatestCommonDivisor((BigInteger)(object)a, (BigInteger)(object)b);
        }

        (a, b) = (T.Abs(a), T.Abs(b));
        while (b != T.Zero)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
