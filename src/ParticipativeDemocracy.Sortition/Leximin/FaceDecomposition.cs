using ParticipativeDemocracy.Sortition.Leximin.PanelLp;

namespace ParticipativeDemocracy.Sortition.Leximin;

/// <summary>
/// Carathéodory's construction on the panel relaxation: writes a point of it (expected members per type) as a
/// lottery of panels, with no master linear program. Each step takes a panel on the smallest face of the
/// relaxation that holds the point (every bound and row tight at the point stays tight), then moves the point
/// straight away from that panel until one more bound or row becomes tight; so it ends within as many steps as
/// there are constraints. It needs a whole panel on every face it meets: where a face has none (the relaxation
/// is not integral there) or the search for one runs long, it gives up (null) and the caller decomposes by
/// column generation instead.
/// </summary>
internal sealed class FaceDecomposition
{
    private const double Tight = 1e-9;
    private const double Finished = 1e-9;
    private const int NodeLimit = 500;

    /// <summary>Panel LPs a decomposition may take per step it is allowed (it needs ~3 on the generated pools).</summary>
    private const int LpsPerStep = 20;

    private readonly Instance _instance;
    private readonly BoundedSimplex _lp;
    private readonly double[] _upper;
    private readonly double[] _x;
    private readonly double[] _weights;
    private readonly Deadline _deadline;
    private int _nodes;
    private int _lps;

    private FaceDecomposition(Instance instance, BoundedSimplex lp, double[] point, double[] upper, Deadline deadline)
    {
        _instance = instance;
        _deadline = deadline;
        _lp = lp;
        _upper = upper;
        _x = point.Select((v, t) => Math.Clamp(v, 0, upper[t])).ToArray();
        _weights = new double[point.Length];
    }

    /// <summary>
    /// The lottery whose expected panel is <paramref name="point"/> (null when none is found), and the panel LPs
    /// it took. <paramref name="upper"/> bounds each type's members (below its size for a type never on a panel).
    /// </summary>
    public static (List<TypePanel>? Lottery, int PanelLps) Decompose(Instance instance, double[] point, double[] upper, Deadline deadline)
    {
        var lp = PanelRelaxation.Create(instance);
        if (lp is null)
        {
            return (null, 0);
        }

        var decomposition = new FaceDecomposition(instance, lp, point, upper, deadline);
        return (decomposition.Run(), decomposition._lps);
    }

    private List<TypePanel>? Run()
    {
        var lottery = new List<TypePanel>();
        var mass = 1.0;
        var steps = _x.Length + (2 * _instance.Quotas.Count) + _instance.HouseholdCount + 2;
        for (var step = 0; step < steps && _lps < LpsPerStep * steps; step++)
        {
            _deadline.ThrowIfExpired("LEXIMIN");
            RestrictToFace();
            var panel = FindPanel();
            if (panel is null)
            {
                return null;
            }

            var theta = StepLength(panel);
            if (theta <= 0)
            {
                return null;
            }

            lottery.Add(new TypePanel(panel, mass * theta));
            if (theta >= 1 - Finished || mass * (1 - theta) < Finished)
            {
                return lottery;
            }

            MoveAway(panel, theta);
            mass *= 1 - theta;
        }

        return null;
    }

    /// <summary>Fixes every bound and row that is tight at the point, so any panel the search finds lies on its face.</summary>
    private void RestrictToFace()
    {
        var types = _instance.Types;
        for (var t = 0; t < _x.Length; t++)
        {
            var (lower, upper) = _x[t] <= Tight ? (0, 0)
                : _x[t] >= _upper[t] - Tight ? (_upper[t], _upper[t])
                : (0, _upper[t]);
            _lp.SetBounds(t, lower, upper);
        }

        var quotas = _instance.Quotas;
        var activity = RowActivities(_x);
        for (var q = 0; q < quotas.Count; q++)
        {
            var (min, max) = (quotas[q].Min, quotas[q].Max);
            var (lower, upper) = activity[q] <= min + Tight ? (min, min)
                : activity[q] >= max - Tight ? (max, max)
                : (min, max);
            _lp.SetBounds(types.Count + 1 + q, lower, upper);
        }

        for (var h = 0; h < _instance.HouseholdCount; h++)
        {
            var full = activity[quotas.Count + h] >= 1 - Tight;
            _lp.SetBounds(types.Count + 1 + quotas.Count + h, full ? 1 : 0, 1);
        }
    }

    /// <summary>Quota rows' activities, then households'.</summary>
    private double[] RowActivities(double[] x)
    {
        var activity = new double[_instance.Quotas.Count + _instance.HouseholdCount];
        for (var t = 0; t < x.Length; t++)
        {
            var type = _instance.Types[t];
            foreach (var q in type.QuotaIndices)
            {
                activity[q] += x[t];
            }

            if (type.Household >= 0)
            {
                activity[_instance.Quotas.Count + type.Household] += x[t];
            }
        }

        return activity;
    }

    /// <summary>
    /// The largest θ ≤ 1 with (x − θ·panel)/(1 − θ) still in the relaxation: for each constraint g·x ≤ h the
    /// panel does not meet with equality, θ·(h − g·panel) ≤ h − g·x.
    /// </summary>
    private double StepLength(int[] panel)
    {
        var theta = 1.0;
        void Limit(double slackAtPoint, double slackAtPanel)
        {
            if (slackAtPanel > Tight)
            {
                theta = Math.Min(theta, Math.Max(0, slackAtPoint) / slackAtPanel);
            }
        }

        for (var t = 0; t < _x.Length; t++)
        {
            Limit(_x[t], panel[t]);
            Limit(_upper[t] - _x[t], _upper[t] - panel[t]);
        }

        var atPoint = RowActivities(_x);
        var atPanel = RowActivities(panel.Select(c => (double)c).ToArray());
        var quotas = _instance.Quotas;
        for (var q = 0; q < quotas.Count; q++)
        {
            Limit(atPoint[q] - quotas[q].Min, atPanel[q] - quotas[q].Min);
            Limit(quotas[q].Max - atPoint[q], quotas[q].Max - atPanel[q]);
        }

        for (var h = quotas.Count; h < atPoint.Length; h++)
        {
            Limit(1 - atPoint[h], 1 - atPanel[h]);
        }

        return theta;
    }

    private void MoveAway(int[] panel, double theta)
    {
        for (var t = 0; t < _x.Length; t++)
        {
            _x[t] = Math.Clamp((_x[t] - (theta * panel[t])) / (1 - theta), 0, _upper[t]);
        }
    }

    /// <summary>A panel on the face: depth-first on the relaxation, nearest rounding first, towards the point's largest shares.</summary>
    private int[]? FindPanel()
    {
        for (var t = 0; t < _x.Length; t++)
        {
            _weights[t] = _x[t] / _instance.Types[t].Size;
        }

        _lp.SetObjective(_weights);
        _nodes = 0;
        return Dive();
    }

    private int[]? Dive()
    {
        if (++_nodes > NodeLimit)
        {
            return null;
        }

        _lps++;
        if (_lp.Solve() != LpStatus.Optimal)
        {
            return null;
        }

        var values = _lp.Values;
        var branch = Integrality.MostFractional(values);
        if (branch < 0)
        {
            var panel = Integrality.Rounded(values);
            return PanelRows.Hold(_instance, panel) ? panel : null;
        }

        var (lower, upper) = (_lp.Lower(branch), _lp.Upper(branch));
        var down = Math.Floor(values[branch]);
        var upFirst = values[branch] - down >= 0.5;
        for (var child = 0; child < 2; child++)
        {
            var up = (child == 0) == upFirst;
            _lp.SetBounds(branch, up ? down + 1 : lower, up ? upper : down);
            var found = Dive();
            _lp.SetBounds(branch, lower, upper);
            if (found is not null || _nodes > NodeLimit)
            {
                return found;
            }
        }

        return null;
    }
}
