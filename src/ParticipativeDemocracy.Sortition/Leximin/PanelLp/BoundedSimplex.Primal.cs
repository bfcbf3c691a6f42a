namespace ParticipativeDemocracy.Sortition.Leximin.PanelLp;

/// <summary>The primal simplex from a primal feasible basis: Dantzig pricing, Harris's ratio test, bound flips.</summary>
internal sealed partial class BoundedSimplex
{
    private LpStatus PrimalPhase()
    {
        for (var iteration = 0; iteration < _iterationLimit; iteration++)
        {
            var q = Price();
            if (q < 0)
            {
                return LpStatus.Optimal;
            }

            if (!PrimalIterate(q))
            {
                if (!Refactor())
                {
                    return LpStatus.Trouble;
                }

                ComputeDuals();
                ComputePrimal();
            }
            else if (_sinceRefactor >= RefactorEvery)
            {
                if (!Refactor())
                {
                    return LpStatus.Trouble;
                }

                ComputeDuals();
                ComputePrimal();
            }

            // Drift can leave the basis a hair infeasible: the caller's round goes back to the dual simplex.
            if (_sinceRefactor == 0 && PrimalInfeasible())
            {
                return LpStatus.Optimal;
            }
        }

        return LpStatus.Trouble;
    }

    /// <summary>The nonbasic variable with the largest reduced cost of the wrong sign, or −1.</summary>
    private int Price()
    {
        var entering = -1;
        var best = DualTolerance;
        for (var j = 0; j < _x.Length; j++)
        {
            var infeasibility = DualInfeasibility(j);
            if (infeasibility > best)
            {
                (entering, best) = (j, infeasibility);
            }
        }

        return entering;
    }

    /// <summary>Moves q off its bound; false when the pivot was numerically doubtful (nothing changed then).</summary>
    private bool PrimalIterate(int q)
    {
        var direction = _atUpper[q] ? -1.0 : 1.0;
        Column(q, _column);

        // x_B moves by −direction·t·w as x_q moves by direction·t. Harris: the largest pivot among the
        // rows that block within a slightly relaxed step.
        var range = _upper[q] - _lower[q];
        var bound = range;
        for (var i = 0; i < _m; i++)
        {
            var rate = -direction * _column[i];
            if (Math.Abs(rate) > PivotTolerance)
            {
                var j = _head[i];
                var room = rate < 0 ? _x[j] - _lower[j] : _upper[j] - _x[j];
                bound = Math.Min(bound, (Math.Max(room, 0) + PrimalTolerance) / Math.Abs(rate));
            }
        }

        var r = -1;
        var step = range;
        if (bound < range)
        {
            var largest = 0.0;
            for (var i = 0; i < _m; i++)
            {
                var rate = -direction * _column[i];
                if (Math.Abs(rate) > PivotTolerance && Math.Abs(rate) > largest)
                {
                    var j = _head[i];
                    var ratio = Math.Max(rate < 0 ? _x[j] - _lower[j] : _upper[j] - _x[j], 0) / Math.Abs(rate);
                    if (ratio <= bound)
                    {
                        (r, largest, step) = (i, Math.Abs(rate), ratio);
                    }
                }
            }
        }

        if (r < 0)
        {
            // The entering variable reaches its other bound first: a bound flip, no basis change.
            for (var i = 0; i < _m; i++)
            {
                _x[_head[i]] -= direction * range * _column[i];
            }

            _atUpper[q] = !_atUpper[q];
            _x[q] = _atUpper[q] ? _upper[q] : _lower[q];
            _changes++;
            return true;
        }

        ComputePivotRow(r);
        if (Math.Abs(_column[r] - _alpha[q]) > Drift * (1 + Math.Abs(_alpha[q])))
        {
            return false;
        }

        var leavingToUpper = -direction * _column[r] > 0;
        for (var i = 0; i < _m; i++)
        {
            _x[_head[i]] -= direction * step * _column[i];
        }

        _x[q] += direction * step;
        Exchange(r, q, leavingToUpper);
        return true;
    }
}
