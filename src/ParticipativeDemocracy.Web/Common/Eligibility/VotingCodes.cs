using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using QRCoder;

namespace ParticipativeDemocracy.Web.Common.Eligibility;

/// <summary>Making codes, their QR images, and the short-lived pass a redeemed code gives its holder.</summary>
public sealed class VotingCodes(IDataProtectionProvider protection, TimeProvider clock)
{
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

    public static string QrSvg(Uri link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link.ToString(), QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>What the ballot feature accepts instead of an account: process, district and the code's id.</summary>
    // The expiry travels inside the payload and is checked against TimeProvider, not the protector's own wall clock.
    public string IssuePass(Guid codeId, Guid processId, string? district, DateTimeOffset now) =>
        Protector().Protect($"{codeId:N}|{processId:N}|{(now + PassLifetime).ToUnixTimeMilliseconds()}|{district}");

    public (Guid CodeId, Guid ProcessId, string? District)? ReadPass(string pass)
    {
        try
        {
            var parts = Protector().Unprotect(pass).Split('|', 4);
            if (parts.Length != 4
                || clock.GetUtcNow() >= DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)))
            {
                return null;
            }

            return (Guid.Parse(parts[0]), Guid.Parse(parts[1]), parts[3].Length == 0 ? null : parts[3]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector() => protection.CreateProtector("VotingCodePass.v2");
}
