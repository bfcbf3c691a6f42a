namespace ParticipativeDemocracy.Voting;

/// <summary>Compares grouping keys (flattened project/utility pairs) by content.</summary>
internal sealed class BallotKeyComparer : IEqualityComparer<long[]>
{
    public static BallotKeyComparer Instance { get; } = new();

    public bool Equals(long[]? x, long[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(long[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
