using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>Checks shared by the jury use cases: the process is a jury, and what the draw has locked.</summary>
internal static class JuryGuard
{
    public static async Task<Process> JuryProcessAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        var process = await db.Processes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == processId, cancellationToken)
            ?? throw new NotFoundException("Process", processId);
        return process.Kind == ProcessKind.CitizensJury
            ? process
            : throw new ConflictException("This process is not a citizens' jury.");
    }

    public static async Task<JurySettings> SettingsAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        await JuryProcessAsync(db, processId, cancellationToken);
        return await db.JurySettings.SingleOrDefaultAsync(s => s.ProcessId == processId, cancellationToken)
            ?? throw new ConflictException("This jury has not been configured yet.");
    }

    /// <summary>Serialises the commands that change a jury's draw or panel, until the transaction ends.</summary>
    public static Task LockAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({processId.ToString()}))", cancellationToken);

    /// <summary>Quotas and the pool are frozen once a draw is queued, running or done: the published inputs must stay true.</summary>
    public static async Task EnsureNotDrawnAsync(AppDbContext db, Guid processId, string what, CancellationToken cancellationToken)
    {
        var status = await db.JuryDraws.Where(d => d.ProcessId == processId
                && (d.Status == JuryDrawStatus.Queued || d.Status == JuryDrawStatus.Running || d.Status == JuryDrawStatus.Succeeded))
            .Select(d => (JuryDrawStatus?)d.Status)
            .FirstOrDefaultAsync(cancellationToken);
        if (status is not null)
        {
            throw new ConflictException(status == JuryDrawStatus.Succeeded
                ? $"The panel has been drawn, so {what} can no longer change."
                : $"A draw is in progress, so {what} cannot change.");
        }
    }
}
