using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>
/// Closes a round whose deadline has passed, exactly once: the conditional update succeeds for one
/// caller only (any replica, also after a restart). The winner mails every active member a summary.
/// </summary>
public static class CloseRound
{
    public sealed record Command(Guid RoundId) : ICommand<bool>;

    public sealed class Handler(AppDbContext db, TimeProvider clock, EmailOutbox outbox) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var won = await db.DeliberationRounds
                .Where(r => r.Id == command.RoundId && r.ClosedAt == null && r.ClosesAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, now), cancellationToken);
            if (won == 0)
            {
                return false;
            }

            var round = await db.DeliberationRounds.AsNoTracking().SingleAsync(r => r.Id == command.RoundId, cancellationToken);
            var jury = await db.Processes.AsNoTracking().SingleAsync(p => p.Id == round.ProcessId, cancellationToken);
            var contributions = await db.RoundContributions.AsNoTracking().Where(c => c.RoundId == round.Id)
                .OrderBy(c => c.PostedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
            var summary = Summary(jury.Title, round, contributions, outbox.Link($"/juries/{jury.Slug}/rounds/{round.Id}"));
            var members = await (
                from m in db.JuryPanelMembers.AsNoTracking()
                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                where m.ProcessId == round.ProcessId && m.Status == JuryMemberStatus.Active && u.Email != null
                select u.Email).ToListAsync(cancellationToken);
            foreach (var email in members)
            {
                await outbox.EnqueueAsync(email!, $"Round closed: {round.Question}", summary, cancellationToken);
            }

            return true;
        }

        private static string Summary(string jury, DeliberationRound round, List<RoundContribution> contributions, Uri link)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"The round \"{round.Question}\" of {jury} has closed.");
            text.AppendLine();
            foreach (var stance in Enum.GetValues<Stance>())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{stance}: {contributions.Count(c => c.Stance == stance)}");
            }

            text.AppendLine();
            foreach (var c in contributions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {c.DisplayName} ({c.Stance}): {c.Text}");
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Read the round: {link}");
            return text.ToString();
        }
    }
}
