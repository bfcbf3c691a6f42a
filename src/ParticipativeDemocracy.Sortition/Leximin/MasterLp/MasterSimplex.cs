using System.Runtime.CompilerServices;

namespace ParticipativeDemocracy.Sortition.Leximin.MasterLp;

/// <summary>
/// A revised primal simplex for the leximin master <c>max z s.t. Σλ = 1, Σ_P a_Pt·λ_P − c_t·z − s_t = b_t,
/// λ, s ≥ 0</c> (c_t = 1 for unfixed types, 0 for fixed ones; b_t their floor), minimising −z internally.
/// Variables are the row slacks (columns −eᵢ; row 0's is fixed at 0), then z, then the panels λ in the order
/// added. z ≤ 1 is implied by the unfixed rows (shares are at most 1), so no variable has a finite upper
/// bound except row 0's slack, and a nonbasic variable always sits at its lower bound.
/// <para>
/// The basis inverse is explicit and dense (<see cref="DenseInverse"/>), updated by one rank-one pivot and
/// rebuilt every <see cref="ReinvertEvery"/> pivots. Phase 1 minimises the sum of infeasibilities, so the
/// basis survives added columns (still feasible) and stage changes (z's column and the floors change, the
/// old basis may be infeasible). Against degeneracy every solve first runs with the basic variables' lower
/// bounds relaxed by a small deterministic perturbation, then restores them and cleans up; pricing is Devex
/// (reduced costs updated along the pivot row), the ratio test Harris's.
/// Everything is deterministic, so the same inputs give the same pivots.
/// </para>
/// </summary>
internal sealed class MasterSimplex
{
    private const double PrimalTolerance = 1e-9;
    private const double DualTolerance = 1e-9;
    private const double PivotTolerance = 1e-9;
    private const double PerturbationScale = 1e-7;
    private const double CheckTolerance = 1e-7;
    private const int ReinvertEvery = 5000;

    private readonly int _rows;
    private readonly DenseInverse _inverse;
    private readonly List<SparseColumn> _columns = [];

    // The panel columns again, packed one after another (column p's nonzeros at _panelStart[p].._panelStart[p + 1]),
    // so that the pass along the pivot row, which prices every nonbasic panel each pivot, reads contiguous arrays.
    private int[] _panelStart = [0];
    private int[] _panelIndex = [];
    private double[] _panelValue = [];
    private readonly double[] _b;
    private readonly int[] _head;
    private readonly double[] _alpha;
    private readonly double[] _rho;
    private readonly double[] _pi;
    private readonly double[] _basicCost;
    private double[] _lower = [];
    private double[] _workLower = [];
    private double[] _x = [];
    private double[] _weight = [];
    private double[] _d = [];
    private int[] _position = [];
    private int _count;
    private int _sinceInvert;
    private bool _needsInvert;
    private bool _timedOut;
    private bool _reducedCostsValid;
    private TimeSpan _timeLimit;
    private System.Diagnostics.Stopwatch _clock = new();

    public MasterSimplex(int typeRows)
    {
        _rows = typeRows + 1;
        _inverse = new DenseInverse(_rows);
        _b = new double[_rows];
        _b[0] = 1;
        _head = new int[_rows];
        _alpha = new double[_rows];
        _rho = new double[_rows];
        _pi = new double[_rows];
        _basicCost = new double[_rows];
        for (var i = 0; i < _rows; i++)
        {
            Add(new SparseColumn([i], [-1]), 0);
            _head[i] = i;
            _position[i] = i;
        }

        // Row 0 is an equality: its slack is fixed at 0 (it leaves the basis in phase 1 and never returns).
        Add(new SparseColumn([], []), 0);
        _inverse.SetMinusIdentity();
    }

    /// <summary>Pivots of the last solve (a deterministic measure of its cost).</summary>
    public long Iterations { get; private set; }

    public double Objective => _x[ZIndex];

    /// <summary>Pricing rule: Devex (default) or Dantzig's largest reduced cost, for measurements.</summary>
    public bool Devex { get; init; } = true;

    private int ZIndex => _rows;

    private static bool IsFixed(int variable) => variable == 0;

    /// <summary>Adds λ's column (row 0 holds the 1 of Σλ = 1; rows 1.. the type shares).</summary>
    public void AddColumn(SparseColumn column) => Add(column, 0);

    /// <summary>
    /// Sets z's coefficients (−1 on unfixed type rows) and the type rows' floors. When z is basic its column
    /// is swapped in the inverse by one pivot, or, when the new column is singular with the basis, by
    /// <see cref="SwapInFixedSlack"/>.
    /// </summary>
    public void SetStage(IReadOnlyList<double?> fixedProbability)
    {
        var index = new List<int>();
        for (var t = 0; t < fixedProbability.Count; t++)
        {
            _b[t + 1] = fixedProbability[t] ?? 0;
            if (fixedProbability[t] is null)
            {
                index.Add(t + 1);
            }
        }

        var column = new SparseColumn([.. index], [.. index.Select(_ => -1.0)]);
        _columns[ZIndex] = column;
        var r = _position[ZIndex];
        if (r < 0 || _needsInvert)
        {
            return;
        }

        _inverse.Solve(column, _alpha);
        if (!SafePivot(r))
        {
            SwapInFixedSlack(r, column);
        }
    }

    /// <summary>
    /// Deletes the nonbasic panel columns that <paramref name="keep"/> rejects (basic ones always stay, so the
    /// basis and its inverse are untouched) and returns the kept columns' old numbers, in order.
    /// </summary>
    public List<int> RemoveColumns(Func<int, bool> keep)
    {
        var survivors = new List<int>();
        var kept = _rows + 1;
        for (var j = _rows + 1; j < _count; j++)
        {
            if (_position[j] < 0 && !keep(j - _rows - 1))
            {
                continue;
            }

            _columns[kept] = _columns[j];
            _lower[kept] = _lower[j];
            _workLower[kept] = _workLower[j];
            _x[kept] = _x[j];
            _weight[kept] = _weight[j];
            _position[kept] = _position[j];
            if (_position[j] >= 0)
            {
                _head[_position[j]] = kept;
            }

            survivors.Add(j - _rows - 1);
            kept++;
        }

        _columns.RemoveRange(kept, _count - kept);
        _count = kept;
        RepackPanels();
        return survivors;
    }

    private bool SafePivot(int r)
    {
        if (Math.Abs(_alpha[r]) < 1e-7 * Math.Max(1, MaxAbs(_alpha)))
        {
            return false;
        }

        _inverse.Pivot(r, _alpha);
        _sinceInvert++;
        return true;
    }

    /// <summary>
    /// The rows just fixed carried all of z's dual weight, so z's new column (in <c>_alpha</c> as B⁻¹a) lies in
    /// the span of the other basic columns: along that null direction z rises with no row violated until a basic
    /// variable k reaches its bound (the ratio test without z's own row). k leaves; the slack of the fixed row
    /// with the largest dual takes z's old position (its entry in z's row of B⁻¹ is that dual, so the pivot is
    /// safe), and z's new column takes position k.
    /// </summary>
    private void SwapInFixedSlack(int r, SparseColumn zColumn)
    {
        _alpha[r] = 0;
        var k = RatioTest(false);
        _inverse.Row(r, _rho);
        var slack = -1;
        var largest = 0.0;
        for (var i = 1; i < _rows; i++)
        {
            if (_position[i] < 0 && Math.Abs(_rho[i]) > largest)
            {
                largest = Math.Abs(_rho[i]);
                slack = i;
            }
        }

        if (k < 0 || slack < 0)
        {
            _needsInvert = true;
            return;
        }

        _inverse.Solve(_columns[slack], _alpha);
        if (!SafePivot(r))
        {
            _needsInvert = true;
            return;
        }

        var leaving = _head[k];
        _head[r] = slack;
        _position[slack] = r;
        _position[leaving] = -1;
        _x[leaving] = _workLower[leaving];
        _head[k] = ZIndex;
        _position[ZIndex] = k;
        _inverse.Solve(zColumn, _alpha);
        if (!SafePivot(k))
        {
            _needsInvert = true;
        }
    }

    public double Value(int column) => _x[_rows + 1 + column];

    /// <summary>The dual of type row t (0-based), in the sign where a binding ≥ row has a nonnegative dual.</summary>
    public double TypeDual(int t) => _pi[t + 1];

    /// <summary>The dual of Σλ = 1.</summary>
    public double ConvexityDual => _pi[0];

    /// <summary>
    /// Solves to optimality. <see cref="SimplexOutcome.Trouble"/> when the iterations ran out or the answer
    /// failed its checks twice (the second time after a fresh inversion): the caller must not use it.
    /// </summary>
    public SimplexOutcome Solve(long maxIterations, TimeSpan timeLimit)
    {
        Iterations = 0;
        _timedOut = false;
        _clock = System.Diagnostics.Stopwatch.StartNew();
        _timeLimit = timeLimit;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (_needsInvert || attempt > 0)
            {
                Reinvert();
            }

            // Devex's reference weights carry over from the last solve (a solve changes ~100 of ~850 basic columns),
            // new columns start at 1; a retry after trouble starts afresh.
            if (attempt > 0)
            {
                ResetWeights();
            }

            Perturb(true);
            if (!Iterate(maxIterations))
            {
                continue;
            }

            // The clean-up runs on the true, degenerate bounds without protection against cycling; it normally
            // takes a few dozen pivots, so a long one counts as trouble (re-inverted and retried, then GLOP).
            Perturb(false);
            if (Iterate(Math.Min(maxIterations, Iterations + (5L * _rows) + 100)) && Check())
            {
                return SimplexOutcome.Optimal;
            }
        }

        return _timedOut ? SimplexOutcome.TimedOut : SimplexOutcome.Trouble;
    }

    private void Add(SparseColumn column, double lower)
    {
        if (_count == _x.Length)
        {
            var capacity = Math.Max(2 * _x.Length, _rows + 64);
            Array.Resize(ref _lower, capacity);
            Array.Resize(ref _workLower, capacity);
            Array.Resize(ref _x, capacity);
            Array.Resize(ref _weight, capacity);
            Array.Resize(ref _d, capacity);
            Array.Resize(ref _position, capacity);
        }

        _columns.Add(column);
        if (_count > ZIndex)
        {
            PackPanel(_count - ZIndex - 1, column);
        }

        _lower[_count] = lower;
        _workLower[_count] = lower;
        _x[_count] = lower;
        _weight[_count] = 1;
        _d[_count] = 0;
        _position[_count] = -1;
        _reducedCostsValid = false;
        _count++;
    }

    /// <summary>Appends panel number <paramref name="panel"/> (column ZIndex + 1 + panel) to the packed arrays.</summary>
    private void PackPanel(int panel, SparseColumn column)
    {
        var end = _panelStart[panel];
        if (_panelStart.Length < panel + 2)
        {
            Array.Resize(ref _panelStart, Math.Max(2 * _panelStart.Length, panel + 2));
        }

        if (_panelIndex.Length < end + column.Index.Length)
        {
            var capacity = Math.Max(2 * _panelIndex.Length, end + column.Index.Length);
            Array.Resize(ref _panelIndex, capacity);
            Array.Resize(ref _panelValue, capacity);
        }

        column.Index.CopyTo(_panelIndex, end);
        column.Value.CopyTo(_panelValue, end);
        _panelStart[panel + 1] = end + column.Index.Length;
    }

    private void RepackPanels()
    {
        _panelStart[0] = 0;
        for (var j = ZIndex + 1; j < _count; j++)
        {
            PackPanel(j - ZIndex - 1, _columns[j]);
        }
    }

    private bool Iterate(long maxIterations)
    {
        var dantzigFallback = false;
        while (true)
        {
            if (Iterations >= maxIterations)
            {
                return false;
            }

            if ((Iterations & 63) == 63 && _clock.Elapsed > _timeLimit)
            {
                _timedOut = true;
                return false;
            }

            if (_sinceInvert >= ReinvertEvery)
            {
                Reinvert();
            }

            var infeasible = PhaseCosts();
            var fresh = infeasible || !_reducedCostsValid;
            if (fresh)
            {
                // Phase 1's costs change with the infeasible set, so its reduced costs are recomputed each
                // pivot; phase 2's are updated along the pivot row and recomputed only to confirm an optimum.
                ComputeDuals();
                ComputeReducedCosts(infeasible);
                _reducedCostsValid = !infeasible;
            }

            var entering = Price(dantzigFallback);
            if (entering < 0)
            {
                if (!fresh)
                {
                    _reducedCostsValid = false;
                    continue;
                }

                // Phase 1 at a minimum with infeasibility left: the LP is infeasible (or numerically so).
                return !infeasible;
            }

            var column = _columns[entering];
            _inverse.Solve(column, _alpha);
            var leave = RatioTest(infeasible);
            if (leave < 0)
            {
                if (dantzigFallback)
                {
                    return false;
                }

                // No step along this edge: should not happen (z is bounded by the shares); price again without weights.
                dantzigFallback = true;
                _reducedCostsValid = false;
                continue;
            }

            Pivot(entering, leave);
            Iterations++;
        }
    }

    /// <summary>Phase-1 costs (−1 below the lower bound, +1 above the upper) or, when feasible, phase 2's −z.</summary>
    private bool PhaseCosts()
    {
        var infeasible = false;
        for (var r = 0; r < _rows; r++)
        {
            var v = _head[r];
            var x = _x[v];
            var cost = x < _workLower[v] - PrimalTolerance ? -1.0 : IsFixed(v) && x > PrimalTolerance ? 1.0 : 0.0;
            _basicCost[r] = cost;
            infeasible |= cost != 0;
        }

        if (!infeasible)
        {
            Array.Clear(_basicCost);
            var z = _position[ZIndex];
            if (z >= 0)
            {
                _basicCost[z] = -1;
            }
        }

        return infeasible;
    }

    /// <summary>π = c_Bᵀ B⁻¹ as a sum of the inverse's rows (scalar, fixed order, so reproducible).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeDuals()
    {
        Array.Clear(_pi);
        for (var r = 0; r < _rows; r++)
        {
            var cost = _basicCost[r];
            if (cost == 0)
            {
                continue;
            }

            _inverse.Row(r, _rho);
            for (var i = 0; i < _rows; i++)
            {
                _pi[i] += cost * _rho[i];
            }
        }
    }

    private double ReducedCost(int variable, bool phaseOne) =>
        (!phaseOne && variable == ZIndex ? -1 : 0) - _columns[variable].Dot(_pi);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeReducedCosts(bool phaseOne)
    {
        for (var j = 0; j < _count; j++)
        {
            _d[j] = _position[j] >= 0 || IsFixed(j) ? 0 : ReducedCost(j, phaseOne);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Price(bool dantzig)
    {
        var best = -1;
        var bestScore = 0.0;
        var weighted = Devex && !dantzig;
        for (var j = 0; j < _count; j++)
        {
            var d = _d[j];
            if (d >= -DualTolerance || _position[j] >= 0)
            {
                continue;
            }

            var score = weighted ? d * d / _weight[j] : -d;
            if (score > bestScore)
            {
                bestScore = score;
                best = j;
            }
        }

        return best;
    }

    /// <summary>
    /// Harris's two-pass ratio test along x_B − θα: the largest step any basic variable allows with its bound
    /// relaxed by the tolerance, then among the variables blocking within it the one with the largest |αᵣ|.
    /// Phase 1 lets an infeasible variable block only where it reaches the bound it violates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RatioTest(bool phaseOne)
    {
        var limit = double.PositiveInfinity;
        for (var r = 0; r < _rows; r++)
        {
            var ratio = Ratio(r, phaseOne, PrimalTolerance);
            if (ratio < limit)
            {
                limit = ratio;
            }
        }

        if (double.IsPositiveInfinity(limit))
        {
            return -1;
        }

        var leave = -1;
        var largest = 0.0;
        for (var r = 0; r < _rows; r++)
        {
            var a = Math.Abs(_alpha[r]);
            if (a > largest && Ratio(r, phaseOne, 0) <= limit)
            {
                largest = a;
                leave = r;
            }
        }

        return leave;
    }

    private double Ratio(int r, bool phaseOne, double tolerance)
    {
        var a = _alpha[r];
        if (Math.Abs(a) <= PivotTolerance)
        {
            return double.PositiveInfinity;
        }

        var v = _head[r];
        var x = _x[v];
        var lower = _workLower[v];
        var upper = IsFixed(v) ? 0.0 : double.PositiveInfinity;
        if (phaseOne && x < lower - PrimalTolerance)
        {
            return a < 0 ? (lower - x) / -a : double.PositiveInfinity;
        }

        if (phaseOne && x > upper + PrimalTolerance)
        {
            return a > 0 ? (x - upper) / a : double.PositiveInfinity;
        }

        if (a > 0)
        {
            return Math.Max(0, x - lower + tolerance) / a;
        }

        return double.IsPositiveInfinity(upper) ? double.PositiveInfinity : Math.Max(0, upper - x + tolerance) / -a;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Pivot(int entering, int r)
    {
        var leaving = _head[r];
        var a = _alpha[r];
        var x = _x[leaving];
        // Every variable leaves at its lower bound: only row 0's slack has an upper one, and it equals the lower.
        var theta = Math.Max(0, (x - _workLower[leaving]) / a);
        for (var i = 0; i < _rows; i++)
        {
            _x[_head[i]] -= theta * _alpha[i];
        }

        UpdatePricing(entering, r);

        _x[leaving] = _workLower[leaving];
        _x[entering] = _workLower[entering] + theta;
        _position[leaving] = -1;
        _position[entering] = r;
        _head[r] = entering;
        _inverse.Pivot(r, _alpha);
        _sinceInvert++;
    }

    /// <summary>
    /// One pass along the pivot row α_r = (row r of B⁻¹)·A updates the reduced costs (dⱼ −= θ_d·α_rj with
    /// θ_d = d_q/α_rq) and the Devex reference weights (wⱼ = max(wⱼ, (α_rj/α_rq)²·w_q)).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdatePricing(int entering, int r)
    {
        _inverse.Row(r, _rho);
        var pivot = _alpha[r];
        var wq = _weight[entering];
        var thetaDual = _d[entering] / pivot;
        var rho = _rho;
        for (var j = 0; j < _rows; j++)
        {
            // Slack j's column is −eⱼ.
            if (_position[j] < 0 && !IsFixed(j) && j != entering)
            {
                UpdateNonbasic(j, -rho[j], thetaDual, pivot, wq);
            }
        }

        if (_position[ZIndex] < 0 && ZIndex != entering)
        {
            UpdateNonbasic(ZIndex, _columns[ZIndex].Dot(rho), thetaDual, pivot, wq);
        }

        var start = _panelStart;
        var index = _panelIndex;
        var value = _panelValue;
        for (var j = ZIndex + 1; j < _count; j++)
        {
            if (_position[j] >= 0 || j == entering)
            {
                continue;
            }

            var p = j - ZIndex - 1;
            var alphaRow = 0.0;
            for (var k = start[p]; k < start[p + 1]; k++)
            {
                alphaRow += value[k] * rho[index[k]];
            }

            UpdateNonbasic(j, alphaRow, thetaDual, pivot, wq);
        }

        var leaving = _head[r];
        _weight[leaving] = Math.Max(wq / (pivot * pivot), 1);
        _d[leaving] = IsFixed(leaving) ? 0 : -thetaDual;
        _d[entering] = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void UpdateNonbasic(int j, double alphaRow, double thetaDual, double pivot, double wq)
    {
        _d[j] -= thetaDual * alphaRow;
        var ratio = alphaRow / pivot;
        var candidate = ratio * ratio * wq;
        if (candidate > _weight[j])
        {
            _weight[j] = candidate;
        }
    }

    private void ResetWeights() => Array.Fill(_weight, 1.0, 0, _count);

    /// <summary>
    /// On: relaxes the basic variables' lower bounds by a small deterministic amount (a degenerate basic
    /// variable then has room to move, and leaves at a generic value), which keeps the basis feasible.
    /// Off: restores every bound, puts the nonbasic variables back on them and recomputes the basic ones.
    /// </summary>
    private void Perturb(bool on)
    {
        for (var j = 0; j < _count; j++)
        {
            var basic = _position[j] >= 0;
            _workLower[j] = on && basic && !IsFixed(j) ? _lower[j] - (PerturbationScale * (1 + Jitter(j))) : _lower[j];
            if (!basic)
            {
                _x[j] = _workLower[j];
            }
        }

        ComputeBasicValues();
        _reducedCostsValid = false;
    }

    private static double Jitter(int j)
    {
        var h = (ulong)(j + 1) * 0x9E3779B97F4A7C15UL;
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 29;
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>x_B = B⁻¹(b − N·x_N).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeBasicValues()
    {
        var rhs = _rho;
        _b.CopyTo(rhs, 0);
        for (var j = 0; j < _count; j++)
        {
            var x = _x[j];
            if (_position[j] >= 0 || x == 0)
            {
                continue;
            }

            var column = _columns[j];
            for (var k = 0; k < column.Index.Length; k++)
            {
                rhs[column.Index[k]] -= column.Value[k] * x;
            }
        }

        var values = _alpha;
        Array.Clear(values);
        for (var i = 0; i < _rows; i++)
        {
            var v = rhs[i];
            if (v == 0)
            {
                continue;
            }

            for (var r = 0; r < _rows; r++)
            {
                values[r] += _inverse.At(r, i) * v;
            }
        }

        for (var r = 0; r < _rows; r++)
        {
            _x[_head[r]] = values[r];
        }
    }

    private void Reinvert()
    {
        _sinceInvert = 0;
        _needsInvert = false;
        var basis = _head.Select(v => _columns[v]).ToArray();
        if (!_inverse.Invert(basis))
        {
            // A singular basis (after a stage change): restart from the slack basis, which phase 1 repairs.
            for (var j = 0; j < _count; j++)
            {
                _position[j] = -1;
            }

            for (var i = 0; i < _rows; i++)
            {
                _head[i] = i;
                _position[i] = i;
            }

            _inverse.SetMinusIdentity();
        }

        ComputeBasicValues();
        _reducedCostsValid = false;
    }

    /// <summary>
    /// Checks the answer against the original data rather than trusting the updated inverse: the rows'
    /// residuals, the bounds, and the duals' reduced costs (zero on basic, nonnegative on nonbasic variables).
    /// </summary>
    private bool Check()
    {
        var residual = (double[])_b.Clone();
        for (var j = 0; j < _count; j++)
        {
            if (_x[j] < _lower[j] - CheckTolerance || (IsFixed(j) && _x[j] > CheckTolerance))
            {
                return false;
            }

            var column = _columns[j];
            for (var k = 0; k < column.Index.Length; k++)
            {
                residual[column.Index[k]] -= column.Value[k] * _x[j];
            }

            var d = ReducedCost(j, false);
            if (_position[j] >= 0 ? Math.Abs(d) > CheckTolerance : !IsFixed(j) && d < -CheckTolerance)
            {
                return false;
            }
        }

        return residual.All(r => Math.Abs(r) <= CheckTolerance);
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
