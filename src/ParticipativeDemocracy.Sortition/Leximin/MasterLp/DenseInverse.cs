using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ParticipativeDemocracy.Sortition.Leximin.MasterLp;

/// <summary>
/// The explicit inverse of an m×m simplex basis, stored column by column so that B⁻¹a (a sparse) and the
/// rank-one pivot update are SIMD <c>axpy</c>s over whole columns. Only element-wise vector operations are used,
/// never vector reductions, so every result is bit-identical whatever the machine's vector width.
/// </summary>
internal sealed class DenseInverse(int size)
{
    private readonly double[] _inverse = new double[size * size];

    public int Size => size;

    /// <summary>Sets the inverse to −I, the inverse of the all-slack basis (slack columns are −eᵢ).</summary>
    public void SetMinusIdentity()
    {
        Array.Clear(_inverse);
        for (var i = 0; i < size; i++)
        {
            _inverse[(i * size) + i] = -1;
        }
    }

    /// <summary>result = B⁻¹·a for a sparse column a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(SparseColumn column, Span<double> result)
    {
        result.Clear();
        for (var k = 0; k < column.Index.Length; k++)
        {
            Axpy(column.Value[k], Column(column.Index[k]), result);
        }
    }

    /// <summary>result = row r of B⁻¹ (that is eᵣᵀB⁻¹).</summary>
    public void Row(int r, Span<double> result)
    {
        for (var i = 0; i < size; i++)
        {
            result[i] = _inverse[(i * size) + r];
        }
    }

    public double At(int row, int column) => _inverse[(column * size) + row];

    /// <summary>
    /// Replaces the basic column at position r by the column whose B⁻¹-image is <paramref name="alpha"/>:
    /// row r is divided by αᵣ and αᵢ times it is subtracted from every other row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Pivot(int r, ReadOnlySpan<double> alpha)
    {
        var pivot = alpha[r];
        for (var c = 0; c < size; c++)
        {
            var column = Column(c);
            var v = column[r];
            if (v == 0)
            {
                continue;
            }

            var scaled = v / pivot;
            Axpy(-scaled, alpha, column);
            column[r] = scaled;
        }
    }

    /// <summary>
    /// Inverts the basis whose columns are given (Gauss–Jordan with partial pivoting on the transpose, so that
    /// row operations are contiguous). Returns false when the basis is numerically singular.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Invert(IReadOnlyList<SparseColumn> basis)
    {
        // Work on Bᵀ (rows of the work matrix are basis columns): (Bᵀ)⁻¹ = (B⁻¹)ᵀ, so the result's rows
        // are the inverse's columns, which is the storage order wanted.
        var work = new double[size * size];
        for (var j = 0; j < size; j++)
        {
            var column = basis[j];
            for (var k = 0; k < column.Index.Length; k++)
            {
                work[(j * size) + column.Index[k]] = column.Value[k];
            }
        }

        SetIdentity();
        var permutation = new int[size];
        for (var i = 0; i < size; i++)
        {
            permutation[i] = i;
        }

        for (var c = 0; c < size; c++)
        {
            var best = -1;
            var bestAbs = 0.0;
            for (var r = c; r < size; r++)
            {
                var a = Math.Abs(work[(permutation[r] * size) + c]);
                if (a > bestAbs)
                {
                    bestAbs = a;
                    best = r;
                }
            }

            if (bestAbs < 1e-11)
            {
                return false;
            }

            (permutation[c], permutation[best]) = (permutation[best], permutation[c]);
            var p = permutation[c];
            var pivotRow = work.AsSpan(p * size, size);
            var pivotInverse = _inverse.AsSpan(p * size, size);
            var scale = 1 / pivotRow[c];
            Scale(scale, pivotRow);
            Scale(scale, pivotInverse);
            for (var r = 0; r < size; r++)
            {
                var q = permutation[r];
                if (q == p)
                {
                    continue;
                }

                var factor = work[(q * size) + c];
                if (factor == 0)
                {
                    continue;
                }

                Axpy(-factor, pivotRow, work.AsSpan(q * size, size));
                Axpy(-factor, pivotInverse, _inverse.AsSpan(q * size, size));
            }
        }

        // Row permutation[c] of the work now holds e_c: so inverse row permutation[c] is row c of (Bᵀ)⁻¹.
        var result = new double[size * size];
        for (var c = 0; c < size; c++)
        {
            _inverse.AsSpan(permutation[c] * size, size).CopyTo(result.AsSpan(c * size, size));
        }

        result.CopyTo(_inverse, 0);
        return true;
    }

    private Span<double> Column(int c) => _inverse.AsSpan(c * size, size);

    private void SetIdentity()
    {
        Array.Clear(_inverse);
        for (var i = 0; i < size; i++)
        {
            _inverse[(i * size) + i] = 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xs = MemoryMarshal.Cast<double, Vector<double>>(x);
            var ys = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
            var av = new Vector<double>(a);
            for (var v = 0; v < xs.Length; v++)
            {
                ys[v] += av * xs[v];
            }

            i = xs.Length * Vector<double>.Count;
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static void Scale(double a, Span<double> x)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= a;
        }
    }
}
