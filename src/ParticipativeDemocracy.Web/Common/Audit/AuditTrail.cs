using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Common.Audit;

/// <summary>Handlers of officer and administrator commands record what they did here, in their transaction.</summary>
public sealed class AuditTrail(AppDbContext db, TimeProvider clock, CurrentActor actor)
{
    // One writer at a time extends the chain; the lock is released when the transaction ends.
    private const long ChainLock = 0x5044_4155_4449_54;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync(
        string action, string targetType, object? targetId, object? before, object? after,
        CancellationToken cancellationToken, Guid? onBehalfOf = null)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are written inside a command's transaction.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var entry = new AuditEntry
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            At = AuditChain.ToStoredPrecision(clock.GetUtcNow()),
            ActorId = actor.Id,
            ActorName = actor.Name,
            OnBehalfOfId = onBehalfOf,
            Action = action,
            TargetType = targetType,
            TargetId = targetId?.ToString(),
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            PreviousHash = last?.Hash ?? AuditChain.Genesis,
            Hash = "",
        };
        entry.Hash = AuditChain.HashOf(entry);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
