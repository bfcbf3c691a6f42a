namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// Steepest-ascent one-swap search over quota-satisfying panels: swap one member for a heavier one
/// while the quotas, the type sizes and the one-per-household rule still hold. It proves nothing, but
/// it finds improving columns in microseconds where the integer program takes tens of milliseconds,
/// so the integer program is left to the rounds that need a proof (or a bound).
/// </summary>
internal sealed class PanelLocalSearch
{
    private const double MinGain = 1e-12;

    private readonly Instance _instance;
    private readonly int[] _quotaCounts;
    private readonly bool[] _householdUsed;
    private readonly int[] _byWeight;
    private readonly double[] _keys;

    public PanelLocalSearch(Instance instance)
    {
        _instance = instance;
        _quotaCounts = new int[instance.Quotas.Count];
        _householdUsed = new bool[instance.HouseholdCount];
        _byWeight = new int[instance.Types.Count];
        _keys = new double[instance.Types.Count];
    }

    /// <summary>A panel at least as heavy as <paramref name="start"/> under <paramref name="weights"/> (per member), where no single swap helps.</summary>
    public int[] Improve(int[] start, double[] weights, int maxSwaps = 400)
    {
        var panel = (int[])start.Clone();
        Load(panel);
        for (var t = 0; t < _byWeight.Length; t++)
        {
            (_byWeight[t], _keys[t]) = (t, -weights[t]);
        }

        Array.Sort(_keys, _byWeight);
        for (var swap = 0; swap < maxSwaps; swap++)
        {
            if (BestSwap(panel, weights) is not var (leaving, joining))
            {
                break;
            }

            Move(panel, leaving, -1);
            Move(panel, joining, +1);
        }

        return panel;
    }

    private (int Leaving, int Joining)? BestSwap(int[] panel, double[] weights)
    {
        var types = _instance.Types;
        (int, int)? best = null;
        var bestGain = MinGain;
        for (var leaving = 0; leaving < panel.Length; leaving++)
        {
            if (panel[leaving] == 0)
            {
                continue;
            }

            foreach (var joining in _byWeight)
            {
                var gain = weights[joining] - weights[leaving];
                if (gain <= bestGain)
                {
                    break;
                }

                if (joining != leaving && panel[joining] < types[joining].Size && Allowed(leaving, joining))
                {
                    (best, bestGain) = ((leaving, joining), gain);
                    break;
                }
            }
        }

        return best;
    }

    private bool Allowed(int leaving, int joining)
    {
        var types = _instance.Types;
        var household = types[joining].Household;
        if (household >= 0 && household != types[leaving].Household && _householdUsed[household])
        {
            return false;
        }

        var (outQuotas, inQuotas) = (types[leaving].QuotaIndices, types[joining].QuotaIndices);
        foreach (var q in outQuotas)
        {
            if (Array.IndexOf(inQuotas, q) < 0 && _quotaCounts[q] - 1 < _instance.Quotas[q].Min)
            {
                return false;
            }
        }

        foreach (var q in inQuotas)
        {
            if (Array.IndexOf(outQuotas, q) < 0 && _quotaCounts[q] + 1 > _instance.Quotas[q].Max)
            {
                return false;
            }
        }

        return true;
    }

    private void Load(int[] panel)
    {
        Array.Clear(_quotaCounts);
        Array.Clear(_householdUsed);
        for (var t = 0; t < panel.Length; t++)
        {
            if (panel[t] > 0)
            {
                Count(t, panel[t]);
            }
        }
    }

    private void Move(int[] panel, int t, int delta)
    {
        panel[t] += delta;
        Count(t, delta);
    }

    private void Count(int t, int delta)
    {
        var type = _instance.Types[t];
        foreach (var q in type.QuotaIndices)
        {
            _quotaCounts[q] += delta;
        }

        if (type.Household >= 0)
        {
            // Household members are singleton types, so a household holds at most this one member.
            _householdUsed[type.Household] = delta > 0;
        }
    }
}
