using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Sortition;
using ParticipativeDemocracy.Sortition.Feasibility;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// For one jury: remind people who have not answered halfway to the deadline, lapse the invitations whose
/// deadline has passed, and once nobody is left to answer, draw replacements for those who declined or
/// lapsed with the engine's replacement draw, so the completed panel still keeps every quota.
/// </summary>
public static class ProcessInvitationDeadlines
{
    public sealed record Command(Guid ProcessId) : ICommand<Outcome>;

    public sealed record Outcome(int Reminded, int Lapsed, int Replacements, string? Problem);

    public sealed class Handler(AppDbContext db, TimeProvider clock, EmailOutbox outbox, AuditTrail audit) : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            // One runner per jury at a time: the recurring job and a manual run must not both replace.
            await JuryGuard.LockAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            var settings = await JuryGuard.SettingsAsync(db, command.ProcessId, cancellationToken);
            var title = await db.Processes.Where(p => p.Id == command.ProcessId).Select(p => p.Title).SingleAsync(cancellationToken);
            var invitations = await (from i in db.JuryInvitations
                                     join v in db.JuryVolunteers on i.VolunteerId equals v.Id
                                     where i.ProcessId == command.ProcessId
                                     select new Pair(i, v)).ToListAsync(cancellationToken);
            var reminded = 0;
            var lapsed = 0;
            foreach (var (invitation, volunteer) in invitations.Where(p => p.Invitation.Status == JuryInvitationStatus.Pending))
            {
                if (invitation.DeadlineAt <= now)
                {
                    invitation.Status = JuryInvitationStatus.Lapsed;
                    lapsed++;
                }
                else if (invitation.RemindedAt is null && now >= invitation.SentAt + ((invitation.DeadlineAt - invitation.SentAt) / 2))
                {
                    invitation.RemindedAt = now;
                    await InvitationMail.SendAsync(outbox, invitation, volunteer, title, reminder: true, cancellationToken);
                    reminded++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            var (replacements, problem) = await ReplaceAsync(command.ProcessId, settings, title, invitations, now, cancellationToken);
            return new Outcome(reminded, lapsed, replacements, problem);
        }

        private async Task<(int, string?)> ReplaceAsync(Guid processId, JurySettings settings, string title, List<Pair> invitations,
            DateTimeOffset now, CancellationToken cancellationToken)
        {
            static bool Out(JuryInvitation i) => i.Status is JuryInvitationStatus.Declined or JuryInvitationStatus.Lapsed;
            var dropouts = invitations.Where(p => Out(p.Invitation) && !p.Invitation.Replaced).ToList();
            if (dropouts.Count == 0 || invitations.Any(p => p.Invitation.Status is JuryInvitationStatus.Pending or JuryInvitationStatus.Drawn))
            {
                return (0, null);
            }

            var draw = await db.JuryDraws.AsNoTracking().SingleAsync(d => d.ProcessId == processId && d.Status == JuryDrawStatus.Succeeded, cancellationToken);
            var round = invitations.Max(p => p.Invitation.Round) + 1;
            var panel = invitations.Where(p => !Out(p.Invitation) || !p.Invitation.Replaced).Select(p => p.Volunteer.DrawId!).ToList();
            var unavailable = invitations.Where(p => Out(p.Invitation) && p.Invitation.Replaced).Select(p => p.Volunteer.DrawId!).ToList();
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
                await audit.RecordAsync("ReplacementImpossible", "Jury", processId, before: null, new { Round = round, Reason = ex.Message }, cancellationToken);
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
    }

    private sealed record Pair(JuryInvitation Invitation, JuryVolunteer Volunteer);
}
