using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using QRCoder;

namespace ParticipativeDemocracy.Web.Common.Eligibility;

/// <summary>Making codes, their QR images, and the short-lived pass a redeemed code gives its holder.</summary>
public sealed class VotingCodes(IDataProtectionProvider protection, RollHasher keys, TimeProvider clock) : IDisposable
{
    private const string SignedPrefix = "v3.";

    private readonly IDataProtector _protector = protection.CreateProtector("VotingCodePass.v2");
    private readonly KeyedHash _signature = new(keys.DeriveKey("voting-pass.v3"));

    // No 0/O, 1/I/L, 2/Z, 5/S: letters are read aloud and typed by people of every age.
    private const string Alphabet = "ABCDEFGHJKMNPQRTUVWXY346789";

    public static readonly TimeSpan PassLifetime = TimeSpan.FromHours(2);

    /// <summary>API clients send the pass in this header; pages keep it in this cookie.</summary>
    public const string PassHeader = "Voting-Pass";

    public const string PassCookie = "pd-voting-pass";

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[14];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i is 4 or 9 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    public void Dispose() => _signature.Dispose();

    public static string QrSvg(Uri link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link.ToString(), QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>
    /// What the ballot feature accepts instead of an account: process, district and the code's id, with the expiry,
    /// signed (HMAC-SHA256), not encrypted: nothing in it is secret from its holder, and a signature costs a ballot
    /// a hundredth of what data protection's key derivation and decryption did (ADR 0009).
    /// </summary>
    // The expiry travels inside the payload and is checked against TimeProvider, not a protector's own wall clock.
    public string IssuePass(Guid codeId, Guid processId, string? district, DateTimeOffset now)
    {
        var payload = Encoding.UTF8.GetBytes($"{codeId:N}|{processId:N}|{(now + PassLifetime).ToUnixTimeMilliseconds()}|{district}");
        return SignedPrefix + Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(_signature.Compute(payload));
    }

    public (Guid CodeId, Guid ProcessId, string? District)? ReadPass(string pass)
    {
        var payload = pass.StartsWith(SignedPrefix, StringComparison.Ordinal) ? Verified(pass[SignedPrefix.Length..]) : Unprotected(pass);
        var parts = payload?.Split('|', 4);
        if (parts is not { Length: 4 }
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow() >= DateTimeOffset.FromUnixTimeMilliseconds(expires)
            || !Guid.TryParseExact(parts[0], "N", out var codeId)
            || !Guid.TryParseExact(parts[1], "N", out var processId))
        {
            return null;
        }

        return (codeId, processId, parts[3].Length == 0 ? null : parts[3]);
    }

    private string? Verified(string signed)
    {
        var dot = signed.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !Base64Url.IsValid(signed.AsSpan(0, dot)) || !Base64Url.IsValid(signed.AsSpan(dot + 1)))
        {
            return null;
        }

        var payload = Base64Url.DecodeFromChars(signed.AsSpan(0, dot));
        var signature = Base64Url.DecodeFromChars(signed.AsSpan(dot + 1));
        Span<byte> expected = stackalloc byte[KeyedHash.Length];
        _signature.Compute(payload, expected);
        return CryptographicOperations.FixedTimeEquals(signature, expected) ? Encoding.UTF8.GetString(payload) : null;
    }

    /// <summary>Passes issued before the signed ones (data protection) stay good until they expire, so a deploy during voting locks nobody out.</summary>
    private string? Unprotected(string pass)
    {
        try
        {
            return _protector.Unprotect(pass);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
