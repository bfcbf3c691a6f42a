using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// Puts a person on a panel: their resident account (found by e-mail or created without a password — they
/// sign in with e-mailed links) gets the JuryMember role, and an active panel row is written.
/// </summary>
public sealed class PanelAccounts(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<JuryPanelMember> SeatAsync(Guid processId, string email, string displayName, PlayerLevel? level, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, PlayerLevel = level, CreatedAt = now };
            Ensure(await users.CreateAsync(user));
        }

        foreach (var role in new[] { Roles.Resident, Roles.JuryMember })
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                Ensure(await users.AddToRoleAsync(user, role));
            }
        }

        var member = await db.JuryPanelMembers.SingleOrDefaultAsync(m => m.ProcessId == processId && m.UserId == user.Id, cancellationToken);
        if (member is null)
        {
            member = new JuryPanelMember { Id = Guid.CreateVersion7(now), ProcessId = processId, UserId = user.Id, DisplayName = displayName };
            db.JuryPanelMembers.Add(member);
        }

        member.DisplayName = displayName;
        member.PlayerLevel = level ?? user.PlayerLevel;
        member.Status = JuryMemberStatus.Active;
        member.JoinedAt = now;
        member.LeftAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
