namespace ParticipativeDemocracy.Sortition.Leximin.PanelLp;

/// <summary>
/// The explicit inverse of a small basis matrix (row-major), refactorised by Gauss–Jordan elimination and
/// updated in product form after each pivot. With 20–60 rows a dense inverse is cheaper than any sparse
/// factorisation, and it gives the rows the dual simplex needs (and their norms) without a solve.
/// </summary>
internal sealed class DenseInverse
{
    private const double SingularPivot = 1e-11;

    private readonly int _m;
    private readonly double[] _inverse;
    private readonly double[] _work;
    private readonly double[] _norms;

    public DenseInverse(int size)
    {
        _m = size;
        _inverse = new double[size * size];
        _work = new double[size * size];
        _norms = new double[size];
    }

    /// <summary>The basis matrix to invert next, row-major; the caller fills it, then calls <see cref="Invert"/>.</summary>
    public Span<double> Matrix()
    {
        _work.AsSpan().Clear();
        return _work;
    }

    /// <summary>Inverts the matrix filled through <see cref="Matrix"/>; false when it is (numerically) singular.</summary>
    public bool Invert()
    {
        var m = _m;
        var a = _work;
        var inv = _inverse;
        inv.AsSpan().Clear();
        for (var i = 0; i < m; i++)
        {
            inv[(i * m) + i] = 1;
        }

        for (var col = 0; col < m; col++)
        {
            var pivotRow = col;
            var best = Math.Abs(a[(col * m) + col]);
            for (var i = col + 1; i < m; i++)
            {
                var v = Math.Abs(a[(i * m) + col]);
                if (v > best)
                {
                    (pivotRow, best) = (i, v);
                }
            }

            if (best < SingularPivot)
            {
                return false;
            }

            if (pivotRow != col)
            {
                SwapRows(a, pivotRow, col);
                SwapRows(inv, pivotRow, col);
            }

            var scale = 1.0 / a[(col * m) + col];
            ScaleRow(a, col, scale);
            ScaleRow(inv, col, scale);
            for (var i = 0; i < m; i++)
            {
                var factor = a[(i * m) + col];
                if (i != col && factor != 0)
                {
                    SubtractRow(a, i, col, factor);
                    SubtractRow(inv, i, col, factor);
                }
            }
        }

        for (var i = 0; i < m; i++)
        {
            _norms[i] = Norm(i);
        }

        return true;
    }

    /// <summary>Row <paramref name="r"/> of the inverse (the multipliers of basic variable r's tableau row).</summary>
    public ReadOnlySpan<double> Row(int r) => _inverse.AsSpan(r * _m, _m);

    /// <summary>‖row r‖², kept up to date through <see cref="Update"/> (the dual steepest-edge weight).</summary>
    public double RowNormSquared(int r) => _norms[r];

    private double Norm(int r)
    {
        var sum = 0.0;
        foreach (var v in Row(r))
        {
            sum += v * v;
        }

        return sum;
    }

    /// <summary>result = B⁻¹·v.</summary>
    public void Multiply(ReadOnlySpan<double> v, Span<double> result)
    {
        for (var i = 0; i < _m; i++)
        {
            var row = Row(i);
            var sum = 0.0;
            for (var k = 0; k < _m; k++)
            {
                sum += row[k] * v[k];
            }

            result[i] = sum;
        }
    }

    /// <summary>result = B⁻¹·A[:, column] for a sparse column.</summary>
    public void MultiplyColumn(SparseColumns a, int column, Span<double> result)
    {
        var start = a.Start(column);
        var end = a.End(column);
        for (var i = 0; i < _m; i++)
        {
            var offset = i * _m;
            var sum = 0.0;
            for (var k = start; k < end; k++)
            {
                sum += _inverse[offset + a.RowAt(k)] * a.ValueAt(k);
            }

            result[i] = sum;
        }
    }

    /// <summary>result = B⁻¹·(−e_row), the image of a row's logical (slack) column.</summary>
    public void MultiplyNegativeUnit(int row, Span<double> result)
    {
        for (var i = 0; i < _m; i++)
        {
            result[i] = -_inverse[(i * _m) + row];
        }
    }

    /// <summary>y = cᵀ·B⁻¹.</summary>
    public void LeftMultiply(ReadOnlySpan<double> c, Span<double> y)
    {
        y[.._m].Clear();
        for (var i = 0; i < _m; i++)
        {
            if (c[i] == 0)
            {
                continue;
            }

            var row = Row(i);
            for (var k = 0; k < _m; k++)
            {
                y[k] += c[i] * row[k];
            }
        }
    }

    /// <summary>The inverse after basis column <paramref name="r"/> is replaced by a column whose image is <paramref name="w"/>.</summary>
    public void Update(int r, ReadOnlySpan<double> w)
    {
        ScaleRow(_inverse, r, 1.0 / w[r]);
        _norms[r] = Norm(r);
        for (var i = 0; i < _m; i++)
        {
            if (i != r && w[i] != 0)
            {
                _norms[i] = SubtractRow(_inverse, i, r, w[i]);
            }
        }
    }

    private void SwapRows(double[] a, int i, int k)
    {
        var rowI = a.AsSpan(i * _m, _m);
        var rowK = a.AsSpan(k * _m, _m);
        for (var c = 0; c < _m; c++)
        {
            (rowI[c], rowK[c]) = (rowK[c], rowI[c]);
        }
    }

    private void ScaleRow(double[] a, int i, double factor)
    {
        foreach (ref var v in a.AsSpan(i * _m, _m))
        {
            v *= factor;
        }
    }

    /// <summary>row i −= factor·row k; returns the new row's squared norm.</summary>
    private double SubtractRow(double[] a, int i, int k, double factor)
    {
        var target = a.AsSpan(i * _m, _m);
        var source = a.AsSpan(k * _m, _m);
        var norm = 0.0;
        for (var c = 0; c < _m; c++)
        {
            var v = target[c] - (factor * source[c]);
            target[c] = v;
            norm += v * v;
        }

        return norm;
    }
}
