using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>Who may do what in a jury: only active panel members take part; facilitators (and staff) run it.</summary>
public static class JuryAccess
{
    public static Guid UserIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new ForbiddenException("Sign in to do this.");

    public static bool IsFacilitator(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Facilitator) || user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Administrator);

    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "facilitator";

    public static async Task<Process> JuryAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        await db.Processes.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == processId && p.Kind == ProcessKind.CitizensJury, cancellationToken)
        ?? throw new NotFoundException("Jury", processId);

    public static async Task<Process> JuryBySlugAsync(AppDbContext db, string slug, CancellationToken cancellationToken) =>
        await db.Processes.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Slug == slug && p.Kind == ProcessKind.CitizensJury, cancellationToken)
        ?? throw new NotFoundException("Jury", slug);

    public static async Task<JuryPanelMember> MemberAsync(AppDbContext db, Guid processId, Guid userId, CancellationToken cancellationToken) =>
        await db.JuryPanelMembers.AsNoTracking().SingleOrDefaultAsync(
            m => m.ProcessId == processId && m.UserId == userId && m.Status == JuryMemberStatus.Active, cancellationToken)
        ?? throw new ForbiddenException("Only active members of this jury's panel can take part.");

    public static Task<bool> IsMemberAsync(AppDbContext db, Guid processId, Guid userId, CancellationToken cancellationToken) =>
        db.JuryPanelMembers.AnyAsync(
            m => m.ProcessId == processId && m.UserId == userId && m.Status == JuryMemberStatus.Active, cancellationToken);

    /// <summary>Members and facilitators see the jury's working pages; the public sees the report.</summary>
    public static async Task EnsureInsiderAsync(AppDbContext db, Guid processId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!IsFacilitator(user) && !await IsMemberAsync(db, processId, UserIdOf(user), cancellationToken))
        {
            throw new ForbiddenException("Only the jury's panel and its facilitators can see this.");
        }
    }
}
