namespace ParticipativeDemocracy.Sortition.Leximin.PanelLp;

/// <summary>
/// A small boxed linear program — maximise wᵀx subject to rowLower ≤ Ax ≤ rowUpper and
/// lower ≤ x ≤ upper, every bound finite — solved by a bounded simplex method on an explicit dense basis
/// inverse, warm-started from the last basis: after new bounds (a branch-and-bound node) the basis stays
/// dual feasible and the dual simplex re-optimises; after a new objective the last optimum is still
/// primal feasible and the primal simplex re-optimises. Every variable is boxed, so any basis is made
/// dual feasible by putting each nonbasic variable at the bound its reduced cost asks for: no phase one.
/// Allocation-free after construction.
/// </summary>
internal sealed partial class BoundedSimplex
{
    private const double PrimalTolerance = 1e-9;

    // Costs are scaled so that the largest is in [1, 2): the dual tolerances are relative to it.
    private const double DualTolerance = 1e-11;
    private const double Perturbation = 1e-7;
    private const double PivotTolerance = 1e-9;
    private const double Drift = 1e-9;
    private const int RefactorEvery = 50;
    private const int Rounds = 4;

    private readonly SparseColumns _a;
    private readonly int _n;
    private readonly int _m;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _cost;
    private readonly double[] _perturbedCost;
    private readonly double[] _weights;
    private readonly double[] _noise;
    private readonly double[] _x;
    private readonly double[] _d;
    private readonly double[] _alpha;
    private readonly bool[] _atUpper;

    // +1 nonbasic at its lower bound (may rise), −1 at its upper, 0 basic or fixed: kept for the dual ratio test.
    private readonly double[] _direction;
    private readonly int[] _head;
    private readonly int[] _position;
    private readonly double[] _column;
    private readonly double[] _rows;
    private readonly double[] _flip;
    private readonly DenseInverse _inverse;
    private readonly BoundFlipRatioTest _ratio;
    private readonly int _iterationLimit;
    private double[] _activeCost;
    private int _sinceRefactor;

    // Pivots and bound flips so far, and their count when d and x were last computed from scratch.
    private long _changes;
    private long _dualsAt = -1;
    private long _primalsAt = -1;

    /// <summary>Columns are the structural variables 0..n−1; a row's activity is variable n+row.</summary>
    public BoundedSimplex(SparseColumns a, double[] rowLower, double[] rowUpper, double[] lower, double[] upper)
    {
        _a = a;
        _n = a.Columns;
        _m = a.Rows;
        var total = _n + _m;
        if (rowLower.Length != _m || rowUpper.Length != _m || lower.Length != _n || upper.Length != _n)
        {
            throw new ArgumentException("bounds do not match the matrix");
        }

        _lower = [.. lower, .. rowLower];
        _upper = [.. upper, .. rowUpper];
        for (var j = 0; j < total; j++)
        {
            if (!double.IsFinite(_lower[j]) || !double.IsFinite(_upper[j]) || _lower[j] > _upper[j])
            {
                throw new ArgumentException($"variable {j} needs finite bounds with lower ≤ upper");
            }
        }

        _cost = new double[total];
        _perturbedCost = new double[total];
        _activeCost = _cost;
        _weights = new double[_n];
        _noise = new double[total];
        for (var j = 0; j < total; j++)
        {
            _noise[j] = Perturbation * (1 + Noise(j));
        }
        _x = new double[total];
        _d = new double[total];
        _alpha = new double[total];
        _atUpper = new bool[total];
        _direction = new double[total];
        _head = new int[_m];
        _position = new int[total];
        _column = new double[_m];
        _rows = new double[_m];
        _flip = new double[_m];
        _inverse = new DenseInverse(_m);
        _ratio = new BoundFlipRatioTest(total);
        _iterationLimit = 1000 + (4 * total);
        ResetToSlackBasis();
    }

    public int Columns => _n;

    /// <summary>Simplex pivots over the solver's life.</summary>
    public long Pivots { get; private set; }

    /// <summary>wᵀx at the last optimum.</summary>
    public double Objective { get; private set; }

    /// <summary>The structural variables' values at the last optimum.</summary>
    public ReadOnlySpan<double> Values => _x.AsSpan(0, _n);

    public double Lower(int column) => _lower[column];

    public double Upper(int column) => _upper[column];

    public void SetBounds(int column, double lower, double upper)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || lower > upper)
        {
            throw new ArgumentException($"column {column} needs finite bounds with lower ≤ upper");
        }

        (_lower[column], _upper[column]) = (lower, upper);
    }

    /// <summary>Maximise Σ weights[j]·x[j] from the next solve on.</summary>
    public void SetObjective(ReadOnlySpan<double> weights)
    {
        var largest = 0.0;
        for (var j = 0; j < _n; j++)
        {
            _weights[j] = weights[j];
            largest = Math.Max(largest, Math.Abs(weights[j]));
        }

        // A power of two, so scaling loses nothing.
        var exponent = largest > 0 && double.IsFinite(largest) ? Math.ILogB(largest) : 0;
        for (var j = 0; j < _n; j++)
        {
            _cost[j] = -Math.ScaleB(weights[j], -exponent);
        }

        _dualsAt = -1;
    }

    public LpStatus Solve()
    {
        var status = Run();
        if (status == LpStatus.Trouble)
        {
            ResetToSlackBasis();
            status = Run();
        }

        if (status == LpStatus.Optimal)
        {
            var objective = 0.0;
            for (var j = 0; j < _n; j++)
            {
                objective += _weights[j] * _x[j];
            }

            Objective = objective;
        }

        return status;
    }

    /// <summary>
    /// Dual simplex while the basis is primal infeasible (new bounds; and after a new objective, from the
    /// bounds the reduced costs ask for, which takes far fewer pivots than the primal simplex from the last
    /// optimum), then primal simplex while it is dual infeasible, until x and d recomputed from the
    /// inverse satisfy both (the updates drift; the answer must hold).
    /// </summary>
    private LpStatus Run()
    {
        _activeCost = _cost;
        if (_sinceRefactor >= RefactorEvery && !Refactor())
        {
            return LpStatus.Trouble;
        }

        if (_dualsAt != _changes)
        {
            ComputeDuals();
        }

        ComputePrimal();
        for (var round = 0; round < Rounds; round++)
        {
            if (PrimalInfeasible() || (round == 0 && DualInfeasible()))
            {
                var dual = DualPhase();
                if (dual != LpStatus.Optimal)
                {
                    return dual;
                }
            }

            var primal = PrimalPhase();
            if (primal != LpStatus.Optimal)
            {
                return primal;
            }

            if (_dualsAt != _changes)
            {
                ComputeDuals();
            }

            if (_primalsAt != _changes)
            {
                ComputePrimal();
            }

            if (!PrimalInfeasible() && !DualInfeasible())
            {
                return LpStatus.Optimal;
            }
        }

        return LpStatus.Trouble;
    }

    private bool PrimalInfeasible()
    {
        for (var i = 0; i < _m; i++)
        {
            var j = _head[i];
            if (_x[j] < _lower[j] - PrimalTolerance || _x[j] > _upper[j] + PrimalTolerance)
            {
                return true;
            }
        }

        return false;
    }

    private bool DualInfeasible()
    {
        for (var j = 0; j < _x.Length; j++)
        {
            if (DualInfeasibility(j) > DualTolerance)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How far nonbasic j's reduced cost has the wrong sign for its bound (0 when it has the right one).</summary>
    private double DualInfeasibility(int j) =>
        _position[j] >= 0 || _upper[j] <= _lower[j] ? 0 : _atUpper[j] ? _d[j] : -_d[j];

    /// <summary>Refactorises, recomputes duals (under the active costs) and primals; false when the basis is singular.</summary>
    private bool Refactor()
    {
        _sinceRefactor = 0;
        var matrix = _inverse.Matrix();
        for (var i = 0; i < _m; i++)
        {
            var j = _head[i];
            if (j >= _n)
            {
                matrix[((j - _n) * _m) + i] = -1;
                continue;
            }

            for (var k = _a.Start(j); k < _a.End(j); k++)
            {
                matrix[(_a.RowAt(k) * _m) + i] = _a.ValueAt(k);
            }
        }

        return _inverse.Invert();
    }

    private void ResetToSlackBasis()
    {
        _dualsAt = -1;
        Array.Fill(_position, -1);
        Array.Clear(_atUpper);
        for (var i = 0; i < _m; i++)
        {
            _head[i] = _n + i;
            _position[_n + i] = i;
        }

        Refactor();
    }

    private void ComputeDuals()
    {
        for (var i = 0; i < _m; i++)
        {
            _column[i] = _activeCost[_head[i]];
        }

        _inverse.LeftMultiply(_column, _rows);
        for (var j = 0; j < _n; j++)
        {
            _d[j] = _position[j] >= 0 ? 0 : _activeCost[j] - _a.Dot(j, _rows);
        }

        for (var i = 0; i < _m; i++)
        {
            _d[_n + i] = _position[_n + i] >= 0 ? 0 : _activeCost[_n + i] + _rows[i];
        }

        _dualsAt = ReferenceEquals(_activeCost, _cost) ? _changes : -1;
    }

    /// <summary>Nonbasic variables at their bounds; basic ones from B·x_B = −N·x_N.</summary>
    private void ComputePrimal()
    {
        Array.Clear(_rows);
        for (var j = 0; j < _x.Length; j++)
        {
            if (_position[j] >= 0)
            {
                continue;
            }

            _x[j] = _atUpper[j] ? _upper[j] : _lower[j];
            AddColumn(j, _x[j], _rows);
        }

        _inverse.Multiply(_rows, _column);
        for (var i = 0; i < _m; i++)
        {
            _x[_head[i]] = -_column[i];
        }

        _primalsAt = _changes;
    }

    /// <summary>α_j = (B⁻¹A)[r, j] for every nonbasic j, into <c>_alpha</c> (basic entries are left meaningless).</summary>
    private void ComputePivotRow(int r)
    {
        var row = _inverse.Row(r);
        _a.TransposeMultiply(row, _alpha);
        for (var i = 0; i < _m; i++)
        {
            _alpha[_n + i] = -row[i];
        }
    }

    /// <summary>
    /// Basic variable r leaves at its bound (<paramref name="toUpper"/>), q enters; the primal step is already
    /// applied. Updates the reduced costs with the pivot row, the basis and its inverse.
    /// </summary>
    private void Exchange(int r, int q, bool toUpper)
    {
        var p = _head[r];
        var dualStep = _d[q] / _alpha[q];
        for (var j = 0; j < _x.Length; j++)
        {
            if (_position[j] < 0)
            {
                _d[j] -= dualStep * _alpha[j];
            }
        }

        _d[q] = 0;
        _d[p] = -dualStep;
        _x[p] = toUpper ? _upper[p] : _lower[p];
        _head[r] = q;
        _position[q] = r;
        _position[p] = -1;
        _atUpper[p] = toUpper;
        SetDirection(q);
        SetDirection(p);
        _inverse.Update(r, _column);
        _sinceRefactor++;
        _changes++;
        Pivots++;
    }

    private void SetDirection(int j) =>
        _direction[j] = _position[j] >= 0 || _upper[j] <= _lower[j] ? 0 : _atUpper[j] ? -1 : 1;

    private void SetDirections()
    {
        for (var j = 0; j < _direction.Length; j++)
        {
            SetDirection(j);
        }
    }

    /// <summary>result = B⁻¹·a_j.</summary>
    private void Column(int j, Span<double> result)
    {
        if (j < _n)
        {
            _inverse.MultiplyColumn(_a, j, result);
        }
        else
        {
            _inverse.MultiplyNegativeUnit(j - _n, result);
        }
    }

    private void AddColumn(int j, double factor, Span<double> target)
    {
        if (factor == 0)
        {
            return;
        }

        if (j < _n)
        {
            _a.AddTo(j, factor, target);
        }
        else
        {
            target[j - _n] -= factor;
        }
    }

    /// <summary>A fixed pseudo-random number in [0, 1) per variable (SplitMix64), so solves stay reproducible.</summary>
    private static double Noise(int j)
    {
        var z = ((ulong)j + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
