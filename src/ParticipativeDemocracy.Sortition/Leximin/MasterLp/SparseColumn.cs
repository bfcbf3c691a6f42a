using System.Runtime.CompilerServices;

namespace ParticipativeDemocracy.Sortition.Leximin.MasterLp;

/// <summary>A constraint-matrix column by its nonzero rows and values.</summary>
internal sealed record SparseColumn(int[] Index, double[] Value)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Dot(ReadOnlySpan<double> dense)
    {
        var sum = 0.0;
        for (var k = 0; k < Index.Length; k++)
        {
            sum += Value[k] * dense[Index[k]];
        }

        return sum;
    }
}
