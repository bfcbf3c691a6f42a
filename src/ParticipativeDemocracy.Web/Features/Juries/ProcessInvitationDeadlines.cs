using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// For one jury: remind people who have not answered halfway to the deadline, lapse the invitations whose
/// deadline has passed, and once nobody is left to answer, draw replacements for those who declined,
/// lapsed or were withdrawn (<see cref="JuryReplacements"/>), so the completed panel still keeps every quota.
/// </summary>
public static class ProcessInvitationDeadlines
{
    public sealed record Command(Guid ProcessId) : ICommand<Outcome>;

    public sealed record Outcome(int Reminded, int Lapsed, int Replacements, string? Problem);

    public sealed class Handler(AppDbContext db, TimeProvider clock, EmailOutbox outbox, JuryReplacements replacements)
        : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            // One runner per jury at a time: the recurring job and a manual run must not both replace.
            await JuryGuard.LockAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            await JuryGuard.SettingsAsync(db, command.ProcessId, cancellationToken);
            var title = await db.Processes.Where(p => p.Id == command.ProcessId).Select(p => p.Title).SingleAsync(cancellationToken);
            var pending = await (from i in db.JuryInvitations
                                 join v in db.JuryVolunteers on i.VolunteerId equals v.Id
                                 where i.ProcessId == command.ProcessId && i.Status == JuryInvitationStatus.Pending
                                 select new { Invitation = i, Volunteer = v }).ToListAsync(cancellationToken);
            var reminded = 0;
            var lapsed = 0;
            foreach (var (invitation, volunteer) in pending.Select(p => (p.Invitation, p.Volunteer)))
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
            var (drawn, problem) = await replacements.ReplaceAsync(command.ProcessId, now, cancellationToken);
            return new Outcome(reminded, lapsed, drawn, problem);
        }
    }
}
