using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ParticipativeDemocracy.Web.Common.Eligibility;

public sealed class EligibilityOptions
{
    public const string Section = "Eligibility";

    /// <summary>Secret for the keyed hashes of roll references; without it a leaked table could be brute-forced.</summary>
    public string? RollHashKey { get; set; }
}

/// <summary>Keyed hashes (HMAC-SHA256) of roll identifiers, over normalised values so "ab 12" and "AB12" match.</summary>
public sealed class RollHasher : IDisposable
{
    // Only for Development and Testing, where no secret is configured; production refuses to start without one.
    private const string DevelopmentKey = "participative-democracy-development-only-roll-key";

    private readonly byte[] _key;
    private readonly KeyedHash _hash;

    public RollHasher(IOptions<EligibilityOptions> options, IHostEnvironment environment)
    {
        var key = options.Value.RollHashKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            key = environment.IsDevelopment() || environment.IsEnvironment("Testing")
                ? DevelopmentKey
                : throw new InvalidOperationException("Eligibility:RollHashKey is not set: configure a long random secret.");
        }

        _key = Encoding.UTF8.GetBytes(key);
        _hash = new KeyedHash(_key);
    }

    public string ReferenceHash(string reference) => Hash("ref\u001f" + Normalise(reference));

    public string MatchHash(string reference, DateOnly dateOfBirth, string postcode) =>
        Hash(string.Join('\u001f', "match", Normalise(reference),
            dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Normalise(postcode)));

    /// <summary>Letters print codes as XXXX-XXXX-XXXX; people type them in any case, with or without dashes.</summary>
    public string CodeHash(string code) => Hash("code\u001f" + Normalise(code).Replace("-", "", StringComparison.Ordinal));

    public static string Normalise(string value) =>
        new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>A key of its own for <paramref name="purpose"/>, derived from the same secret (HKDF), so one secret serves every keyed hash.</summary>
    public byte[] DeriveKey(string purpose) => HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, info: Encoding.UTF8.GetBytes(purpose));

    public void Dispose() => _hash.Dispose();

    private string Hash(string value) => _hash.ComputeHex(Encoding.UTF8.GetBytes(value));
}
