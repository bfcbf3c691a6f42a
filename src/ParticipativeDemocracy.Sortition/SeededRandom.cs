namespace ParticipativeDemocracy.Sortition;

/// <summary>
/// SplitMix64: a tiny, fully specified generator, so a published seed reproduces a draw on any
/// platform or runtime version (System.Random's algorithm is an implementation detail).
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, count), without modulo bias.</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)count);
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw >= limit);

        return (int)(draw % (ulong)count);
    }

    /// <summary>The first <paramref name="take"/> items of a Fisher–Yates shuffle.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int take)
    {
        var copy = items.ToList();
        for (var i = 0; i < take; i++)
        {
            var j = i + NextInt(copy.Count - i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy.GetRange(0, take);
    }
}
