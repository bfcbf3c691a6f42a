using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>Who hears about a jury's outcome: its active panel and the residents who follow it.</summary>
public static class JuryAudience
{
    public static async Task<IReadOnlyList<string>> EmailsAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        var panel = db.JuryPanelMembers.Where(m => m.ProcessId == processId && m.Status == JuryMemberStatus.Active).Select(m => m.UserId);
        var followers = db.JuryFollowers.Where(f => f.ProcessId == processId).Select(f => f.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => (panel.Contains(u.Id) || followers.Contains(u.Id)) && u.Email != null)
            .OrderBy(u => u.Email)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
    }
}
