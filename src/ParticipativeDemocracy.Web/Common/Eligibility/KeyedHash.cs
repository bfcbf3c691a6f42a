using System.Security.Cryptography;

namespace ParticipativeDemocracy.Web.Common.Eligibility;

/// <summary>
/// HMAC-SHA256 under one key, with a native context kept per thread: <c>HMACSHA256.HashData</c> builds and frees
/// one on every call, about 3 µs here against 1 µs reused, and every ballot hashes twice.
/// </summary>
public sealed class KeyedHash(byte[] key) : IDisposable
{
    public const int Length = HMACSHA256.HashSizeInBytes;

    private readonly ThreadLocal<HMACSHA256> _perThread = new(() => new HMACSHA256(key), trackAllValues: true);

    public void Compute(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        if (!_perThread.Value!.TryComputeHash(data, hash, out _))
        {
            throw new ArgumentException($"The hash needs {Length} bytes.", nameof(hash));
        }
    }

    public byte[] Compute(ReadOnlySpan<byte> data)
    {
        var hash = new byte[Length];
        Compute(data, hash);
        return hash;
    }

    public string ComputeHex(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[Length];
        Compute(data, hash);
        return Convert.ToHexStringLower(hash);
    }

    public void Dispose()
    {
        foreach (var hmac in _perThread.Values)
        {
            hmac.Dispose();
        }

        _perThread.Dispose();
    }
}
