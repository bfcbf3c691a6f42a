namespace ParticipativeDemocracy.Voting;

internal sealed partial class MesRun<T>
{
    /// <summary>
    /// Finds who pays everything they have (money below the equal price) by repeated passes; the price
    /// only rises as such voters drop out, so anyone below an intermediate price is below the final one.
    /// A voter clearly above or below the price (by a relative margin far wider than double rounding)
    /// is classified in floating point; only near-ties are compared exactly.
    /// </summary>
    private Rho PriceOf(int p, T need)
    {
        var supporters = _data.Supporters[p];
        var utilities = _data.UtilityApprox[p];
        Array.Clear(_full, 0, supporters.Length);
        var (rest, restSlope, utility) = (need, T.Zero, _data.UtilitySum[p]);
        for (var changed = true; changed;)
        {
            changed = false;
            var price = Ratio(rest, _denominator * utility);
            for (var i = 0; i < supporters.Length; i++)
            {
                if (_full[i] || !PaysAll(supporters[i], _approx[supporters[i].Group], price * utilities[i], rest, utility))
                {
                    continue;
                }

                var (g, u) = supporters[i];
                _full[i] = true;
                changed = true;
                utility -= _data.Weight[g] * u;
                if (_money[g] != T.Zero || _slope[g] != T.Zero)
                {
                    Current(g);
                    rest -= _data.Weight[g] * _money[g];
                    restSlope -= _data.Weight[g] * _slope[g];
                }
            }
        }

        return new Rho(rest, restSlope, utility, _denominator * utility * _data.Scale[p]);
    }

    /// <summary>
    /// num/den as a double within a few units in the last place, or NaN when that cannot be promised
    /// (out of range or subnormal); NaN fails every filter test and so forces the exact comparison.
    /// </summary>
    private static double Ratio(T num, T den)
    {
        var ratio = double.CreateTruncating(num) / double.CreateTruncating(den);
        return num == T.Zero ? 0.0 : double.IsFinite(ratio) && ratio > 1e-290 ? ratio : double.NaN;
    }

    /// <summary>Whether the voters of a group hold less than the equal price for their utility.</summary>
    private bool PaysAll((int Group, T Utility) supporter, double money, double threshold, T rest, T utility)
    {
        if (money < threshold * (1 - Margin))
        {
            return true;
        }

        if (money > threshold * (1 + Margin))
        {
            return false;
        }

        Current(supporter.Group);
        return _money[supporter.Group] * utility < rest * supporter.Utility;
    }
}
