namespace ParticipativeDemocracy.Sortition.Leximin.PanelLp;

/// <summary>
/// The dual ratio test with bound flipping (every variable is boxed, so breakpoints whose variables can
/// jump to their other bound without making the leaving row feasible are passed, not entered) and Harris's
/// tolerance (the entering variable is the largest pivot among breakpoints within a slightly relaxed step).
/// The first group of breakpoints within the relaxed step is taken in one linear pass, which usually ends
/// the test; when it is passed (after a new objective many are), the rest go into a binary heap and are
/// taken smallest first, so the cost grows with the breakpoints passed rather than with a full sort.
/// </summary>
internal sealed class BoundFlipRatioTest
{
    private readonly int[] _variable;
    private readonly double[] _reducedCost;
    private readonly double[] _magnitude;
    private readonly double[] _ratio;
    private readonly int[] _heap;
    private readonly int[] _flipped;
    private int _count;

    public BoundFlipRatioTest(int capacity)
    {
        _variable = new int[capacity];
        _reducedCost = new double[capacity];
        _magnitude = new double[capacity];
        _ratio = new double[capacity];
        _heap = new int[capacity];
        _flipped = new int[capacity];
    }

    /// <summary>How many candidates, see <see cref="Flipped"/>, jump to their other bound.</summary>
    public int Flips { get; private set; }

    /// <summary>The dual step length at the entering variable.</summary>
    public double Step { get; private set; }

    /// <summary>After a failed <see cref="Choose"/>: the infeasibility left with every candidate flipped.</summary>
    public double Remaining { get; private set; }

    public void Clear() => _count = 0;

    /// <param name="variable">A nonbasic variable whose reduced cost moves towards zero along the dual ray.</param>
    /// <param name="reducedCost">Its reduced cost, signed so that dual feasible means ≥ 0.</param>
    /// <param name="magnitude">|α| of its entry in the leaving row.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(int variable, double reducedCost, double magnitude)
    {
        _variable[_count] = variable;
        _reducedCost[_count] = reducedCost;
        _magnitude[_count] = magnitude;
        _ratio[_count] = Math.Max(reducedCost, 0) / magnitude;
        _count++;
    }

    public int Flipped(int i) => _flipped[i];

    /// <summary>
    /// The entering variable, or −1 when even flipping every candidate leaves the row infeasible by more
    /// than <paramref name="primalTolerance"/> (the dual is unbounded: the LP has no solution).
    /// </summary>
    public int Choose(double infeasibility, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double dualTolerance, double primalTolerance)
    {
        Flips = 0;
        Remaining = infeasibility;
        if (_count == 0)
        {
            return -1;
        }

        var slope = infeasibility;
        var bound = double.PositiveInfinity;
        for (var t = 0; t < _count; t++)
        {
            bound = Math.Min(bound, Relaxed(t, dualTolerance));
        }

        var reduction = 0.0;
        var best = -1;
        for (var t = 0; t < _count; t++)
        {
            if (_ratio[t] <= bound)
            {
                reduction += _magnitude[t] * Range(t, lower, upper);
                if (best < 0 || _magnitude[t] > _magnitude[best])
                {
                    best = t;
                }
            }
        }

        if (slope - reduction <= primalTolerance)
        {
            return Enter(0, best);
        }

        // The whole first group is passed: its variables flip, and the slope drops by their ranges.
        slope -= reduction;
        var flips = 0;
        var size = 0;
        for (var t = 0; t < _count; t++)
        {
            if (_ratio[t] <= bound)
            {
                _flipped[flips++] = _variable[t];
            }
            else
            {
                _heap[size++] = t;
            }
        }

        for (var h = (size / 2) - 1; h >= 0; h--)
        {
            SiftDown(h, size);
        }

        while (size > 0)
        {
            var t = _heap[0];
            var next = slope - (_magnitude[t] * Range(t, lower, upper));
            if (next <= primalTolerance)
            {
                // Harris among the breakpoints not passed, which are exactly the heap's.
                bound = double.PositiveInfinity;
                for (var h = 0; h < size; h++)
                {
                    bound = Math.Min(bound, Relaxed(_heap[h], dualTolerance));
                }

                best = t;
                for (var h = 0; h < size; h++)
                {
                    var c = _heap[h];
                    if (_ratio[c] <= bound && _magnitude[c] > _magnitude[best])
                    {
                        best = c;
                    }
                }

                return Enter(flips, best);
            }

            slope = next;
            _flipped[flips++] = _variable[t];
            _heap[0] = _heap[--size];
            SiftDown(0, size);
        }

        Remaining = slope;
        return -1;
    }

    private int Enter(int flips, int best)
    {
        Flips = flips;
        Step = _ratio[best];
        return _variable[best];
    }

    /// <summary>The step at which candidate t's reduced cost would be wrong by the tolerance.</summary>
    private double Relaxed(int t, double dualTolerance) =>
        (Math.Max(_reducedCost[t], -dualTolerance) + dualTolerance) / _magnitude[t];

    private double Range(int t, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper) =>
        upper[_variable[t]] - lower[_variable[t]];

    private void SiftDown(int h, int size)
    {
        var item = _heap[h];
        while (true)
        {
            var child = (2 * h) + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && _ratio[_heap[child + 1]] < _ratio[_heap[child]])
            {
                child++;
            }

            if (_ratio[_heap[child]] >= _ratio[item])
            {
                break;
            }

            _heap[h] = _heap[child];
            h = child;
        }

        _heap[h] = item;
    }
}
