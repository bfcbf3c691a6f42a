namespace ParticipativeDemocracy.Voting;

/// <summary>
/// The equal price ρ* is the root of Σ w·min(m, ρ·u) = cost. For any set F of supporters treated as
/// paying everything, ρ_F = (cost − Σ_F w·m) / Σ_not F w·u satisfies the identity
/// (ρ* − ρ_F)·Σ_not F w·u = Σ_F w·(m − ρ*u)⁺ + Σ_not F w·(ρ*u − m)⁺, so ρ_F ≤ ρ*, with equality
/// when F is exactly who pays everything. Supporters too close to the price to classify are put in
/// F, and the identity bounds how far ρ* can lie above ρ_F. The payer set need not be certain, only
/// the price, so runs over a range of shares survive supporters crossing the price inside the range.
/// </summary>
internal sealed partial class MesFastRun
{
    /// <summary>p's price with its error bound, or null when its supporters certainly cannot afford it.</summary>
    private Price? PriceOf(int p)
    {
        if (!FindFullPayers(p))
        {
            return null;
        }

        var (perUtility, perUtilityError, payers, fromCost) = Solve(p);
        var above = 0.0;
        while (!_uncertain)
        {
            above = fromCost ? 0.0 : AboveBound(p, perUtility, perUtilityError) / payers;
            if (PayersStayAbove(p, perUtility + perUtilityError + (Slack * above)))
            {
                break;
            }

            (perUtility, perUtilityError, payers, fromCost) = Solve(p);
        }

        if (_uncertain)
        {
            return null;
        }

        perUtility += above / 2;
        perUtilityError = Slack * (perUtilityError + (above / 2) + (Eps * perUtility));
        var value = perUtility / _data.Scale[p];
        var valueError = Slack * ((perUtilityError / _data.Scale[p]) + (Eps * value));
        return new Price(value, valueError, perUtility, perUtilityError, payers, fromCost);
    }

    /// <summary>
    /// The exact run's repeated passes in floating point (the price only rises as supporters who
    /// cannot pay it drop out); the first pass also settles affordability. False when unaffordable.
    /// </summary>
    private bool FindFullPayers(int p)
    {
        var (groups, utilities) = (_data.Groups[p], _data.Utilities[p]);
        Array.Clear(_full, 0, groups.Length);
        var (paid, payers, total, error) = (0.0, _data.UtilitySum[p], 0.0, 0.0);
        for (var pass = 0; pass == 0 || payers > 0; pass++)
        {
            var price = (_data.Cost[p] - paid) / payers;
            var changed = false;
            for (var i = 0; i < groups.Length; i++)
            {
                var (g, w) = (groups[i], _data.Weight[groups[i]]);
                if (pass == 0)
                {
                    total += w * _money[g];
                    error += w * _error[g];
                }

                if (!_full[i] && _money[g] < price * utilities[i])
                {
                    (_full[i], changed) = (true, true);
                    payers -= w * utilities[i];
                    paid += w * _money[g];
                }
            }

            if (pass == 0 && Affordable(p, total, error) != true)
            {
                return false;
            }

            if (!changed)
            {
                break;
            }
        }

        return true;
    }

    /// <summary>ρ_F for the current full set F with its error bound; payers is Σ_not F w·u (exact, integers below 2^53).</summary>
    private (double PerUtility, double Error, double Payers, bool FromCost) Solve(int p)
    {
        var (groups, utilities) = (_data.Groups[p], _data.Utilities[p]);
        var (paid, paidError, payers, count, fromCost) = (0.0, 0.0, _data.UtilitySum[p], 0, true);
        for (var i = 0; i < groups.Length; i++)
        {
            if (_full[i])
            {
                var g = groups[i];
                payers -= _data.Weight[g] * utilities[i];
                paid += _data.Weight[g] * _money[g];
                paidError += _data.Weight[g] * _error[g];
                count++;
                fromCost &= _money[g] == 0 && _error[g] == 0;
            }
        }

        if (payers <= 0)
        {
            _uncertain = true;
            return default;
        }

        var rest = _data.Cost[p] - paid;
        var restError = Slack * (paidError + ((count + 3) * Eps * (paid + Math.Abs(rest))));
        var perUtility = rest / payers;
        return (perUtility, Slack * ((restError / payers) + (Eps * Math.Abs(perUtility))), payers, fromCost);
    }

    /// <summary>Whether every supporter outside F certainly holds more than <paramref name="price"/> per utility; those that do not are moved into F.</summary>
    private bool PayersStayAbove(int p, double price)
    {
        var (groups, utilities) = (_data.Groups[p], _data.Utilities[p]);
        var all = true;
        for (var i = 0; i < groups.Length; i++)
        {
            var g = groups[i];
            var payment = price * utilities[i];
            if (!_full[i] && _money[g] - payment <= Slack * (_error[g] + (2 * Eps * (_money[g] + payment))))
            {
                (all, _full[i]) = (false, true);
            }
        }

        return all;
    }

    /// <summary>Σ_F w·(m − ρ_F·u)⁺ bounded from above: how much of F's money could lie above the price.</summary>
    private double AboveBound(int p, double perUtility, double perUtilityError)
    {
        var (groups, utilities) = (_data.Groups[p], _data.Utilities[p]);
        var total = 0.0;
        for (var i = 0; i < groups.Length; i++)
        {
            var g = groups[i];
            if (_full[i] && (_money[g] != 0 || _error[g] != 0))
            {
                var low = (perUtility - perUtilityError) * utilities[i];
                var excess = _money[g] + _error[g] - low + (2 * Eps * (_money[g] + Math.Abs(low)));
                total += _data.Weight[g] * Math.Max(excess, 0.0);
            }
        }

        return Slack * total * (1 + ((groups.Length + 2) * Eps));
    }
}
