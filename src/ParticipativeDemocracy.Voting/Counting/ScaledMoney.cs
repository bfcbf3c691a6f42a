using System.Globalization;
using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>Money as whole multiples of 1/<see cref="Unit"/> of the currency, so decimal costs become integers.</summary>
internal sealed record ScaledMoney(BigInteger Unit)
{
    public static ScaledMoney For(IEnumerable<decimal> amounts) =>
        new(BigInteger.Pow(10, amounts.Select(a => (int)a.Scale).DefaultIfEmpty(0).Max()));

    public BigInteger ToUnits(decimal amount)
    {
        var bits = decimal.GetBits(amount);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        var units = mantissa * Unit / BigInteger.Pow(10, scale);
        return bits[3] < 0 ? -units : units;
    }

    public decimal ToDecimal(BigInteger units) => Round(units, BigInteger.One);

    /// <summary>The amount num/(den·Unit) rounded to cents, for explanations only.</summary>
    public decimal Round(BigInteger numerator, BigInteger denominator)
    {
        var cents = BigInteger.Divide(numerator * 100 * 2 + denominator * Unit, denominator * Unit * 2);
        return (decimal)cents / 100m;
    }

    public static string Format(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);
}
