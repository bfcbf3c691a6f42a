namespace ParticipativeDemocracy.Sortition.Leximin.PanelLp;

/// <summary>A constraint matrix stored by columns (compressed sparse column) and by rows, fixed once built.</summary>
internal sealed class SparseColumns
{
    private readonly int[] _start;
    private readonly int[] _row;
    private readonly double[] _value;
    private readonly int[] _rowStart;
    private readonly int[] _column;
    private readonly double[] _rowValue;

    public SparseColumns(int rows, IReadOnlyList<IReadOnlyList<(int Row, double Value)>> columns)
    {
        Rows = rows;
        Columns = columns.Count;
        _start = new int[Columns + 1];
        var entries = columns.Sum(c => c.Count);
        _row = new int[entries];
        _value = new double[entries];
        var k = 0;
        for (var j = 0; j < Columns; j++)
        {
            _start[j] = k;
            foreach (var (row, value) in columns[j])
            {
                if (row < 0 || row >= rows)
                {
                    throw new ArgumentOutOfRangeException(nameof(columns), $"column {j} has an entry in row {row} of {rows}");
                }

                (_row[k], _value[k]) = (row, value);
                k++;
            }
        }

        _start[Columns] = k;
        _rowStart = new int[rows + 1];
        _column = new int[entries];
        _rowValue = new double[entries];
        foreach (var row in _row)
        {
            _rowStart[row + 1]++;
        }

        for (var i = 0; i < rows; i++)
        {
            _rowStart[i + 1] += _rowStart[i];
        }

        var next = _rowStart[..rows];
        for (var j = 0; j < Columns; j++)
        {
            for (var e = _start[j]; e < _start[j + 1]; e++)
            {
                var at = next[_row[e]]++;
                (_column[at], _rowValue[at]) = (j, _value[e]);
            }
        }
    }

    public int Rows { get; }

    public int Columns { get; }

    public int Start(int column) => _start[column];

    public int End(int column) => _start[column + 1];

    public int RowAt(int entry) => _row[entry];

    public double ValueAt(int entry) => _value[entry];

    /// <summary>Σ_k v[k]·A[k, column].</summary>
    public double Dot(int column, ReadOnlySpan<double> v)
    {
        var sum = 0.0;
        for (var k = _start[column]; k < _start[column + 1]; k++)
        {
            sum += v[_row[k]] * _value[k];
        }

        return sum;
    }

    /// <summary>
    /// result[j] = Σ_k v[k]·A[k, j] for every column, row by row so that zero entries of v cost nothing
    /// (rows of a basis inverse are often sparse).
    /// </summary>
    public void TransposeMultiply(ReadOnlySpan<double> v, Span<double> result)
    {
        result[..Columns].Clear();
        for (var i = 0; i < Rows; i++)
        {
            var factor = v[i];
            if (factor == 0)
            {
                continue;
            }

            for (var e = _rowStart[i]; e < _rowStart[i + 1]; e++)
            {
                result[_column[e]] += factor * _rowValue[e];
            }
        }
    }

    /// <summary>target += factor·A[:, column].</summary>
    public void AddTo(int column, double factor, Span<double> target)
    {
        for (var k = _start[column]; k < _start[column + 1]; k++)
        {
            target[_row[k]] += factor * _value[k];
        }
    }
}
