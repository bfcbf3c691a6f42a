using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>
/// Opens polls whose time has come and closes those past their deadline, each exactly once: a
/// conditional update wins for one caller only. Closing mails the results to the service's managers.
/// </summary>
public static class AdvancePolls
{
    public sealed record Command : ICommand<Advanced>;

    public sealed record Advanced(int Opened, int Closed);

    public sealed class Handler(AppDbContext db, TimeProvider clock, EmailOutbox outbox, AfterCommit afterCommit, IStringLocalizer<ParticipationText> t)
        : ICommandHandler<Command, Advanced>
    {
        public async ValueTask<Advanced> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var opened = await db.Polls.Where(p => p.OpenedAt == null && p.OpensAt <= now && p.ClosesAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.OpenedAt, now), cancellationToken);
            var due = await db.Polls.AsNoTracking().Where(p => p.ClosedAt == null && p.ClosesAt <= now)
                .Select(p => p.ProcessId).ToListAsync(cancellationToken);
            var closed = 0;
            foreach (var processId in due)
            {
                var won = await db.Polls.Where(p => p.ProcessId == processId && p.ClosedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedAt, now).SetProperty(p => p.OpenedAt, p => p.OpenedAt ?? now), cancellationToken);
                if (won == 1)
                {
                    closed++;
                    await CloseAsync(processId, now, cancellationToken);
                }
            }

            return new Advanced(opened, closed);
        }

        private async Task CloseAsync(Guid processId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var poll = await db.Polls.AsNoTracking().SingleAsync(p => p.ProcessId == processId, cancellationToken);
            var process = await db.Processes.SingleAsync(p => p.Id == processId, cancellationToken);
            process.Status = ProcessStatus.Closed;
            process.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            var answers = await db.PollAnswerSheets.CountAsync(s => s.ProcessId == processId, cancellationToken);
            foreach (var manager in poll.ManagerEmails)
            {
                await outbox.EnqueueAsync(manager, string.Format(CultureInfo.CurrentCulture, t["MailPollClosedSubject"], poll.ServiceName),
                    string.Format(CultureInfo.CurrentCulture, t["MailPollClosedBody"], process.Title, answers,
                        outbox.Link($"/polls/{process.Slug}/results")), cancellationToken);
            }

            afterCommit.Publish(new ProcessChanged(new ProcessChange(process.Id, process.Title, process.Status.ToString(), now)));
            afterCommit.Publish(new PollAnswered(processId));
        }
    }
}
