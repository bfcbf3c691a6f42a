using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>An exact non-negative load <see cref="Num"/>/<see cref="Den"/> in scaled currency units, kept in lowest terms.</summary>
internal readonly record struct Load(BigInteger Num, BigInteger Den)
{
    public static Load Zero { get; } = new(BigInteger.Zero, BigInteger.One);

    public static Load Reduced(BigInteger num, BigInteger den)
    {
        var gcd = BigInteger.GreatestCommonDivisor(num, den);
        return gcd.IsOne || gcd.IsZero ? new(num, den) : new(num / gcd, den / gcd);
    }

    /// <summary>This load plus <paramref name="weight"/> times <paramref name="other"/>, over the least common denominator.</summary>
    public Load Plus(long weight, Load other)
    {
        var common = Den / BigInteger.GreatestCommonDivisor(Den, other.Den) * other.Den;
        return new((Num * (common / Den)) + (weight * other.Num * (common / other.Den)), common);
    }

    public int CompareTo(Load other) => (Num * other.Den).CompareTo(other.Num * Den);

    /// <summary>
    /// The value as a double within 2 units in the last place, or NaN when it is positive but too small
    /// for that promise (NaN then forces exact comparisons).
    /// </summary>
    public double ToDouble()
    {
        if (Num.IsZero)
        {
            return 0.0;
        }

        // A 64-bit quotient q with value = q · 2^-k: truncation costs under 2^-63 relative.
        var k = 64 + Den.GetBitLength() - Num.GetBitLength();
        var q = k >= 0 ? (Num << (int)k) / Den : Num / (Den << (int)-k);
        var value = Math.ScaleB((double)q, (int)-k);
        return value > 1e-290 && double.IsFinite(value) ? value : double.NaN;
    }
}
