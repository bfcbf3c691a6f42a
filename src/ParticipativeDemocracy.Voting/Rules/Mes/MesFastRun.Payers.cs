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
    /// <summary>
    /// p's price with its error bound, or null when its supporters certainly cannot afford it, when the
    /// bounds cannot settle that (<c>_maybeAffordable</c>), or when the price cannot be shown (<c>_uncertain</c>).
    /// </summary>
    private Price? PriceOf(int p)
    {
        if (UniformPrice(p) is var (settled, uniform))
        {
            _maybeAffordable = false;
            return settled ? uniform : null;
        }

        var affordable = FindFullPayers(p);
        _maybeAffordable = affordable is null;
        if (affordable is not true)
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

        return _uncertain ? null : ToPrice(p, perUtility, perUtilityError, payers, fromCost, above);
    }

    /// <summary>
    /// Before the first charge every group holds the same money, so when all of p's supporters gain the
    /// same, they all pay the same: the price is cost / Σ w·u if their money covers it, found without a
    /// pass over the supporters. (true, price) when certainly affordable, (false, null) when certainly
    /// not, and null when the bounds cannot tell (or the case does not apply): the general passes decide.
    /// </summary>
    private (bool Affordable, Price? Price)? UniformPrice(int p)
    {
        var utility = _data.SameUtility[p];
        if (!_uniform || utility == 0 || _data.UtilitySum[p] <= 0)
        {
            return null;
        }

        var weight = _data.WeightSum[p];
        switch (Affordable(p, weight * _share, weight * _shareError))
        {
            case null:
                return null;
            case false:
                return (false, null);
        }

        (_paid, _paidError, _payers) = (0.0, 0.0, _data.UtilitySum[p]);
        _fullWithMoney.Clear();
        // Money covers the cost at every share the run stands for: W·m ≥ cost, so each supporter's
        // m ≥ cost / W = ρ·u and nobody pays everything. The price is exactly cost / Σ w·u.
        var (perUtility, perUtilityError, payers, fromCost) = Solve(p);
        Array.Clear(_full, 0, _data.Groups[p].Length);
        return (true, ToPrice(p, perUtility, perUtilityError, payers, fromCost, above: 0.0));
    }

    private Price ToPrice(int p, double perUtility, double perUtilityError, double payers, bool fromCost, double above)
    {
        perUtility += above / 2;
        perUtilityError = Slack * (perUtilityError + (above / 2) + (Eps * perUtility));
        var value = perUtility / _data.Scale[p];
        var valueError = Slack * ((perUtilityError / _data.Scale[p]) + (Eps * value));
        return new Price(value, valueError, perUtility, perUtilityError, payers, fromCost);
    }

    /// <summary>
    /// The exact run's repeated passes in floating point (the price only rises as supporters who
    /// cannot pay it drop out); the first pass also settles affordability: false when certainly
    /// unaffordable, null when the bounds cannot tell.
    /// </summary>
    private bool? FindFullPayers(int p)
    {
        var (groups, utilities) = (_data.Groups[p], _data.Utilities[p]);
        Array.Clear(_full, 0, groups.Length);
        var live = CompactLive(p);
        (_paid, _paidError, _payers) = (0.0, 0.0, _data.UtilitySum[p] - _spent[p]);
        _fullWithMoney.Clear();
        var (total, error) = (0.0, 0.0);
        for (var pass = 0; pass == 0 || _payers > 0; pass++)
        {
            var price = (_data.Cost[p] - _paid) / _payers;
            var changed = false;
            foreach (var i in live)
            {
                var g = groups[i];
                if (pass == 0)
                {
                    total += _data.Weight[g] * _money[g];
                    error += _data.Weight[g] * _error[g];
                }

                if (_full[i] || _money[g] >= price * utilities[i])
                {
                    continue;
                }

                changed = true;
                MarkFull(p, i);
            }

            if (pass == 0 && Affordable(p, total, error) is not true and var affordable)
            {
                return affordable;
            }

            if (!changed)
            {
                break;
            }
        }

        return true;
    }

    /// <summary>Puts supporter i of p in F, keeping F's totals: Σ_F w·m and its error, Σ_not F w·u, and who in F has money.</summary>
    private void MarkFull(int p, int i)
    {
        var g = _data.Groups[p][i];
        var w = _data.Weight[g];
        _full[i] = true;
        _payers -= w * _data.Utilities[p][i];
        if (_money[g] != 0 || _error[g] != 0)
        {
            _paid += w * _money[g];
            _paidError += w * _error[g];
            _fullWithMoney.Add(i);
        }
    }

    /// <summary>ρ_F for the current full set F with its error bound; payers is Σ_not F w·u (exact, integers below 2^53).</summary>
    private (double PerUtility, double Error, double Payers, bool FromCost) Solve(int p)
    {
        if (_payers <= 0)
        {
            _uncertain = true;
            return default;
        }

        var rest = _data.Cost[p] - _paid;
        var restError = Slack * (_paidError + ((_fullWithMoney.Count + 3) * Eps * (_paid + Math.Abs(rest))));
        var perUtility = rest / _payers;
        return (perUtility, Slack * ((restError / _payers) + (Eps * Math.Abs(perUtility))), _payers, _fullWithMoney.Count == 0);
    }

    /// <summary>Whether every supporter outside F certainly holds more than <paramref name="price"/> per utility; those that do not are moved into F.</summary>
    private bool PayersStayAbove(int p, double price)
    {
        var (groups, utilities) = (_data.Groups[p], _data.Utilities[p]);
        var all = true;
        foreach (var i in Live(p))
        {
            var g = groups[i];
            var payment = price * utilities[i];
            if (!_full[i] && _money[g] - payment <= Slack * (_error[g] + (2 * Eps * (_money[g] + payment))))
            {
                all = false;
                MarkFull(p, i);
            }
        }

        return all;
    }

    /// <summary>Σ_F w·(m − ρ_F·u)⁺ bounded from above: how much of F's money could lie above the price.</summary>
    private double AboveBound(int p, double perUtility, double perUtilityError)
    {
        var (groups, utilities) = (_data.Groups[p], _data.Utilities[p]);
        var total = 0.0;
        foreach (var i in _fullWithMoney)
        {
            var g = groups[i];
            var low = (perUtility - perUtilityError) * utilities[i];
            var excess = _money[g] + _error[g] - low + (2 * Eps * (_money[g] + Math.Abs(low)));
            total += _data.Weight[g] * Math.Max(excess, 0.0);
        }

        return Slack * total * (1 + ((_fullWithMoney.Count + 2) * Eps));
    }
}
