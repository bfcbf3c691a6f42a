using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Sortition;
using ParticipativeDemocracy.Sortition.Feasibility;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// Draws replacements for the people who declined, lapsed or were withdrawn, with the engine's replacement
/// draw so the completed panel still keeps every quota. When nobody left in the pool fits, the jury's
/// officers are told by e-mail and the admin page shows it. Shared by the deadline job and withdrawals.
/// </summary>
public sealed class JuryReplacements(AppDbContext db, EmailOutbox outbox, AuditTrail audit)
{
    public const string ImpossibleAction = "ReplacementImpossible";

    public static bool IsOut(JuryInvitationStatus status) =>
        status is JuryInvitationStatus.Declined or JuryInvitationStatus.Lapsed or JuryInvitationStatus.Withdrawn;

    /// <summary>Replaces every unreplaced drop-out once nobody is left to answer. Returns the number drawn, or the reason none could be.</summary>
    public async Task<(int Replacements, string? Problem)> ReplaceAsync(Guid processId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await JuryGuard.SettingsAsync(db, processId, cancellationToken);
        var title = await db.Processes.Where(p => p.Id == processId).Select(p => p.Title).SingleAsync(cancellationToken);
        var invitations = await (from i in db.JuryInvitations
                                 join v in db.JuryVolunteers on i.VolunteerId equals v.Id
                                 where i.ProcessId == processId
                                 select new Pair(i, v)).ToListAsync(cancellationToken);
        var dropouts = invitations.Where(p => IsOut(p.Invitation.Status) && !p.Invitation.Replaced).ToList();
        if (dropouts.Count == 0 || invitations.Any(p => p.Invitation.Status is JuryInvitationStatus.Pending or JuryInvitationStatus.Drawn))
        {
            return (0, null);
        }

        var draw = await db.JuryDraws.AsNoTracking().SingleAsync(d => d.ProcessId == processId && d.Status == JuryDrawStatus.Succeeded, cancellationToken);
        var round = invitations.Max(p => p.Invitation.Round) + 1;
        var panel = invitations.Where(p => !IsOut(p.Invitation.Status) || !p.Invitation.Replaced).Select(p => p.Volunteer.DrawId!).ToList();
        var unavailable = invitations.Where(p => IsOut(p.Invitation.Status) && p.Invitation.Replaced).Select(p => p.Volunteer.DrawId!).ToList();
        var options = new DrawOptions { Algorithm = Enum.Parse<SelectionAlgorithm>(draw.Algorithm), Seed = (ulong)(draw.Seed + round) };
        ReplacementResult result;
        try
        {
            var problem = DrawInputs.Problem(draw.CategoriesCsv, draw.RespondentsCsv, draw.PanelSize);
            result = Replacement.Draw(problem, panel, dropouts.Select(d => d.Volunteer.DrawId!).ToList(), options, unavailable);
        }
        catch (Exception ex) when (ex is InfeasibleQuotasException or SortitionProblemException or SortitionTimeoutException)
        {
            // Nobody left in the pool fits: record it once and stop retrying; officers can seat people directly.
            dropouts.ForEach(d => d.Invitation.Replaced = true);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(ImpossibleAction, "Jury", processId, before: null, new { Round = round, Reason = ex.Message }, cancellationToken);
            await AlertOfficersAsync(processId, title, dropouts.Count, ex.Message, now, cancellationToken);
            return (0, ex.Message);
        }

        var byDrawId = await db.JuryVolunteers.Where(v => v.ProcessId == processId && v.DrawId != null && result.Replacements.Contains(v.DrawId))
            .ToDictionaryAsync(v => v.DrawId!, StringComparer.Ordinal, cancellationToken);
        foreach (var id in result.Replacements)
        {
            var invitation = new JuryInvitation
            {
                Id = Guid.CreateVersion7(now), ProcessId = processId, VolunteerId = byDrawId[id].Id, Round = round,
                Status = JuryInvitationStatus.Pending, SentAt = now, DeadlineAt = now.AddDays(settings.ResponseDays),
            };
            db.JuryInvitations.Add(invitation);
            await InvitationMail.SendAsync(outbox, invitation, byDrawId[id], title, reminder: false, cancellationToken);
        }

        dropouts.ForEach(d => d.Invitation.Replaced = true);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("DrawReplacements", "Jury", processId, before: null, new
        {
            Round = round, Seed = (long)options.Seed, Dropouts = dropouts.Select(d => d.Volunteer.DrawId).ToList(), result.Replacements,
            At = now.ToString("O", CultureInfo.InvariantCulture),
        }, cancellationToken);
        return (result.Replacements.Count, null);
    }

    /// <summary>
    /// The jury's officers are those who acted on it (configured it, ran the draw, seated or withdrew members)
    /// and are still officers; when none is known, every officer is told.
    /// </summary>
    private async Task AlertOfficersAsync(Guid processId, string title, int seats, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = processId.ToString();
        var officers = from u in db.Users
                       join ur in db.UserRoles on u.Id equals ur.UserId
                       join r in db.Roles on ur.RoleId equals r.Id
                       where r.Name == Roles.Officer && u.Email != null && (u.LockoutEnd == null || u.LockoutEnd < now)
                       select u;
        var actors = db.AuditEntries.Where(a => a.TargetType == "Jury" && a.TargetId == target && a.ActorId != null).Select(a => a.ActorId!.Value);
        var emails = await officers.Where(u => actors.Contains(u.Id)).Select(u => u.Email!).Distinct().ToListAsync(cancellationToken);
        if (emails.Count == 0)
        {
            emails = await officers.Select(u => u.Email!).Distinct().ToListAsync(cancellationToken);
        }

        var link = outbox.Link($"/admin/juries/{processId}");
        foreach (var email in emails.Order(StringComparer.Ordinal))
        {
            await outbox.EnqueueAsync(email, $"No replacement fits the quotas for {title}",
                $"{seats} seat(s) on the panel of {title} could not be filled: nobody left in the pool keeps every quota.\n\n" +
                $"Reason: {reason}\n\nYou can seat people directly, or widen the pool and quotas, on the jury's page:\n\n{link}",
                cancellationToken);
        }
    }

    private sealed record Pair(JuryInvitation Invitation, JuryVolunteer Volunteer);
}
