using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Common.Audit;

/// <summary>The hash chain: how an entry's hash is made, and how a whole log is checked.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(AuditEntry entry)
    {
        // Unit separators keep field boundaries unambiguous ("ab"+"c" differs from "a"+"bc").
        var canonical = string.Join('\u001f',
            entry.PreviousHash,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.ActorId?.ToString() ?? "",
            entry.ActorName,
            entry.OnBehalfOfId?.ToString() ?? "",
            entry.Action,
            entry.TargetType,
            entry.TargetId ?? "",
            entry.Before ?? "",
            entry.After ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>PostgreSQL keeps microseconds; the hash must cover what is stored.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var previous = Genesis;
        long expected = 1;
        var count = 0;
        foreach (var entry in entriesInOrder)
        {
            count++;
            if (entry.Sequence != expected)
            {
                return new AuditVerification(false, count, expected, $"Entry {expected} is missing.");
            }

            if (entry.PreviousHash != previous)
            {
                return new AuditVerification(false, count, entry.Sequence, $"Entry {entry.Sequence} does not follow entry {entry.Sequence - 1}.");
            }

            if (HashOf(entry) != entry.Hash)
            {
                return new AuditVerification(false, count, entry.Sequence, $"Entry {entry.Sequence} was changed after it was written.");
            }

            previous = entry.Hash;
            expected++;
        }

        return new AuditVerification(true, count, null, null);
    }
}

public sealed record AuditVerification(bool IsIntact, int Checked, long? BrokenAt, string? Problem);
