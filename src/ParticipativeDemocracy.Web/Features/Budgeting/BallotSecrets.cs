using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ParticipativeDemocracy.Web.Common.Eligibility;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

public sealed class BallotSecretOptions
{
    public const string Section = "Ballots";

    /// <summary>Key of the replacement hash. Production must set its own (Ballots__ReplacementKeySecret).</summary>
    public string ReplacementKeySecret { get; set; } = "development-only-replacement-key-change-me";
}

/// <summary>
/// The keyed hash that lets a voter replace their own ballot until the close, and the receipt codes
/// voters use to find their ballot in the published file. Neither reveals who voted what.
/// </summary>
public sealed class BallotSecrets(IOptions<BallotSecretOptions> options) : IDisposable
{
    public const int ReceiptLength = 12;

    private const string ReceiptAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly KeyedHash _replacement = new(Encoding.UTF8.GetBytes(options.Value.ReplacementKeySecret));

    /// <summary><paramref name="scopeId"/>: the budget (ballots) or the process (polls).</summary>
    public string ReplacementKey(Guid scopeId, string voterKey) =>
        _replacement.ComputeHex(Encoding.UTF8.GetBytes($"{scopeId:N}|{voterKey}"));

    public static string NewReceiptCode() => RandomNumberGenerator.GetString(ReceiptAlphabet, ReceiptLength);

    public void Dispose() => _replacement.Dispose();
}
