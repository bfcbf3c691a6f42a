using System.Numerics;

namespace ParticipativeDemocracy.Voting;

internal sealed partial class MesFastRun
{
    /// <summary>Whether a's price is below b's, ranks deciding an exact tie; flags the run when the bounds cannot tell.</summary>
    private bool Before(int a, int b)
    {
        if (Order(a, b) is not { } order)
        {
            _uncertain = true;
            return false;
        }

        return order < 0 || (order == 0 && _ranks[a] < _ranks[b]);
    }

    /// <summary>The exact sign of price a − price b, or null when the bounds overlap and the prices are not both cost / payers.</summary>
    private int? Order(int a, int b)
    {
        var (x, y) = (_bounds[a], _bounds[b]);
        var gap = x.Value - y.Value;
        var bound = Slack * (x.Error + y.Error + (Eps * (Math.Abs(x.Value) + Math.Abs(y.Value))));
        if (gap < -bound)
        {
            return -1;
        }

        if (gap > bound)
        {
            return 1;
        }

        if (!x.FromCost || !y.FromCost)
        {
            return null;
        }

        var costs = _data.Profile.Costs;
        var left = costs[a] * (BigInteger)y.Payers * (BigInteger)_data.Scale[b];
        var right = costs[b] * (BigInteger)x.Payers * (BigInteger)_data.Scale[a];
        return left.CompareTo(right);
    }

    private void RecordRound(int w, Price price)
    {
        var groups = _data.Groups[w];
        var weights = _data.Profile.GroupWeights;
        var (voters, fullVoters, fullMoney) = (0L, 0L, 0.0);
        for (var i = 0; i < groups.Length; i++)
        {
            var g = groups[i];
            voters += weights[g];
            if (_full[i] || IsSpent(g))
            {
                fullVoters += weights[g];
                fullMoney += weights[g] * _money[g];
            }
        }

        _rounds.Add(new MesRound(_rounds.Count + 1, w, voters, fullVoters, Cents(fullMoney), Cents(price.PerUtility)));
    }

    private List<MesShortfall> Shortfalls()
    {
        var weights = _data.Profile.GroupWeights;
        var shortfalls = new List<MesShortfall>();
        for (var p = 0; p < _alive.Length; p++)
        {
            if (_selected.Contains(p))
            {
                continue;
            }

            var (voters, left) = (0L, 0.0);
            foreach (var g in _data.Groups[p])
            {
                voters += weights[g];
                left += weights[g] * _money[g];
            }

            shortfalls.Add(new MesShortfall(p, voters, Cents(left)));
        }

        return shortfalls;
    }

    /// <summary>Scaled units to currency rounded to cents, for explanations only (decisions never read it).</summary>
    private decimal Cents(double units) =>
        (decimal)Math.Round(units / (double)_data.Profile.Money.Unit, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A project's price per unit of utility (<see cref="PerUtility"/>) and the value compared
    /// between projects (<see cref="Value"/>, the price divided by the scale), each with its error
    /// bound. <see cref="FromCost"/>: nobody who paid everything had money, so the price is exactly cost / payers.
    /// </summary>
    private readonly record struct Price(double Value, double Error, double PerUtility, double PerUtilityError, double Payers, bool FromCost)
    {
        public bool IsKnown => Payers > 0;
    }
}
