using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// The extra money per voter, s ≥ 0, up to which every decision taken in a run stays the same.
/// Each decision is the sign of a linear function a + b·s; the horizon is the smallest s at which
/// one of them could flip. Kept as the fraction <see cref="Num"/>/<see cref="Den"/>, or unbounded.
/// </summary>
internal struct Horizon<T>
    where T : IBinaryInteger<T>
{
    public bool IsBounded { get; private set; }

    public T Num { get; private set; }

    public T Den { get; private set; }

    /// <summary>Records that a + b·s ≥ 0 was relied upon.</summary>
    public void KeepNonNegative(T a, T b)
    {
        if (b >= T.Zero)
        {
            return;
        }

        Offer(T.Max(a, T.Zero), -b);
    }

    /// <summary>Records that a + b·s &gt; 0 was relied upon (a is positive at s = 0).</summary>
    public void KeepPositive(T a, T b) => KeepNonNegative(a, b);

    /// <summary>Records that a + b·s &lt; 0 was relied upon.</summary>
    public void KeepNegative(T a, T b) => KeepNonNegative(-a, -b);

    public readonly (BigInteger Num, BigInteger Den)? ToBigInteger() =>
        IsBounded ? (BigInteger.CreateChecked(Num), BigInteger.CreateChecked(Den)) : null;

    private void Offer(T num, T den)
    {
        if (!IsBounded || num * Den < Num * den)
        {
            (IsBounded, Num, Den) = (true, num, den);
        }
    }
}
