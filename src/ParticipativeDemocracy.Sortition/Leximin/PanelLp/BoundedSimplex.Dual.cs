namespace ParticipativeDemocracy.Sortition.Leximin.PanelLp;

/// <summary>The dual simplex: dual steepest edge (exact, from the explicit inverse's rows) and bound flipping.</summary>
internal sealed partial class BoundedSimplex
{
    /// <summary>
    /// Runs the dual simplex under costs perturbed away from zero reduced costs — equal weights (the start
    /// panels) or many zero weights make the LP so dual degenerate that it otherwise stalls for thousands
    /// of zero steps — then restores the exact costs and their reduced costs for the primal cleanup. An
    /// infeasibility it finds does not depend on the costs.
    /// </summary>
    private LpStatus DualPhase()
    {
        // Only nonbasic costs move, so the duals y stay and each reduced cost moves by its own shift.
        Array.Copy(_cost, _perturbedCost, _cost.Length);
        for (var j = 0; j < _cost.Length; j++)
        {
            if (_position[j] < 0)
            {
                var xi = _noise[j] * (1 + Math.Abs(_cost[j]));
                var shift = _atUpper[j] ? -xi : xi;
                _perturbedCost[j] += shift;
                _d[j] += shift;
            }
        }

        _activeCost = _perturbedCost;
        MakeDualFeasible();
        SetDirections();
        var status = DualIterations();
        _activeCost = _cost;
        ComputeDuals();
        return status;
    }

    private LpStatus DualIterations()
    {
        for (var iteration = 0; iteration < _iterationLimit; iteration++)
        {
            var r = ChooseLeaving();
            if (r < 0)
            {
                return LpStatus.Optimal;
            }

            var outcome = DualIterate(r);
            if (outcome == LpStatus.Infeasible && _sinceRefactor == 0)
            {
                return LpStatus.Infeasible;
            }

            // An infeasibility claim or an inaccurate pivot is only trusted on a fresh factorisation.
            if (outcome != LpStatus.Optimal || _sinceRefactor >= RefactorEvery)
            {
                if (!Refactor())
                {
                    return LpStatus.Trouble;
                }

                ComputeDuals();
                if (!MakeDualFeasible())
                {
                    ComputePrimal();
                }

                SetDirections();
            }
        }

        return LpStatus.Trouble;
    }

    /// <summary>
    /// Puts every nonbasic variable at the bound its reduced cost asks for and recomputes the primals when
    /// one moved; true when it did (callers then need not recompute them again).
    /// </summary>
    private bool MakeDualFeasible()
    {
        var moved = false;
        for (var j = 0; j < _x.Length; j++)
        {
            if (_position[j] < 0 && _upper[j] > _lower[j])
            {
                if (_d[j] > DualTolerance && _atUpper[j])
                {
                    (_atUpper[j], moved) = (false, true);
                }
                else if (_d[j] < -DualTolerance && !_atUpper[j])
                {
                    (_atUpper[j], moved) = (true, true);
                }
            }
        }

        if (moved)
        {
            ComputePrimal();
        }

        return moved;
    }

    /// <summary>The basic variable to leave: the largest infeasibility relative to its row's norm (dual steepest edge).</summary>
    private int ChooseLeaving()
    {
        var leaving = -1;
        var best = 0.0;
        for (var i = 0; i < _m; i++)
        {
            var j = _head[i];
            var infeasibility = Math.Max(_lower[j] - _x[j], _x[j] - _upper[j]);
            if (infeasibility > PrimalTolerance)
            {
                var score = infeasibility * infeasibility / _inverse.RowNormSquared(i);
                if (score > best)
                {
                    (leaving, best) = (i, score);
                }
            }
        }

        return leaving;
    }

    /// <summary>One dual simplex iteration on leaving row r: Optimal means "pivoted", Trouble an inaccurate pivot.</summary>
    private LpStatus DualIterate(int r)
    {
        var p = _head[r];
        var toLower = _x[p] < _lower[p];
        var target = toLower ? _lower[p] : _upper[p];
        var sign = toLower ? 1 : -1;
        ComputePivotRow(r);
        var ignored = CollectBreakpoints(sign);
        var q = _ratio.Choose(Math.Abs(_x[p] - target), _lower, _upper, DualTolerance, PrimalTolerance);
        if (q < 0)
        {
            // Proven only if the tiny entries left out could not have closed the gap either.
            return _ratio.Remaining > PrimalTolerance + ignored ? LpStatus.Infeasible : LpStatus.Trouble;
        }

        Column(q, _column);
        if (Math.Abs(_column[r] - _alpha[q]) > Drift * (1 + Math.Abs(_alpha[q])))
        {
            return LpStatus.Trouble;
        }

        FlipBounds();

        // The Harris step: d_q may be a hair on the wrong side, so it is taken as zero there.
        _d[q] = (_atUpper[q] ? -1 : 1) * _ratio.Step * Math.Abs(_alpha[q]);
        var primalStep = (_x[p] - target) / _column[r];
        for (var i = 0; i < _m; i++)
        {
            _x[_head[i]] -= primalStep * _column[i];
        }

        _x[q] += primalStep;
        Exchange(r, q, !toLower);
        return LpStatus.Optimal;
    }

    /// <summary>
    /// The nonbasic variables whose move would reduce the leaving row's infeasibility, into the ratio test;
    /// returns how far the ones with entries too small to pivot on could have moved it (for an infeasibility proof).
    /// </summary>
    private double CollectBreakpoints(double sign)
    {
        _ratio.Clear();
        var ignored = 0.0;
        var alphas = _alpha;
        var direction = _direction;
        for (var j = 0; j < alphas.Length; j++)
        {
            // Eligible: at lower with sign·α < 0, or at upper with sign·α > 0 (never basic or fixed: direction 0).
            var move = sign * alphas[j] * direction[j];
            if (move >= 0)
            {
                continue;
            }

            var magnitude = Math.Abs(alphas[j]);
            if (magnitude > PivotTolerance)
            {
                _ratio.Add(j, direction[j] * _d[j], magnitude);
            }
            else
            {
                ignored += magnitude * (_upper[j] - _lower[j]);
            }
        }

        return ignored;
    }

    /// <summary>Moves the passed breakpoints to their other bound and the basic variables with them.</summary>
    private void FlipBounds()
    {
        if (_ratio.Flips == 0)
        {
            return;
        }

        _changes++;
        Array.Clear(_rows);
        for (var f = 0; f < _ratio.Flips; f++)
        {
            var j = _ratio.Flipped(f);
            var before = _x[j];
            _atUpper[j] = !_atUpper[j];
            _direction[j] = -_direction[j];
            _x[j] = _atUpper[j] ? _upper[j] : _lower[j];
            AddColumn(j, _x[j] - before, _rows);
        }

        _inverse.Multiply(_rows, _flip);
        for (var i = 0; i < _m; i++)
        {
            _x[_head[i]] -= _flip[i];
        }
    }
}
