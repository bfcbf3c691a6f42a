using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Promises;

/// <summary>
/// Reminds the officer who made a promise a week before each promised date with nothing recorded yet.
/// A conditional update claims each reminder, so it is sent once however many replicas run the job.
/// </summary>
public static class SendPromiseReminders
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(7);

    public sealed record Command : ICommand<int>;

    public sealed class Handler(AppDbContext db, TimeProvider clock, EmailOutbox outbox, IStringLocalizer<ParticipationText> t) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var horizon = now + Ahead;
            var due = await (from i in db.PromiseItems.AsNoTracking()
                             join p in db.ParticipationPromises on i.ProcessId equals p.ProcessId
                             join process in db.Processes on i.ProcessId equals process.Id
                             where i.ReminderSentAt == null && i.Outcome == null && i.DueAt <= horizon
                             select new { i.Id, i.Text, i.DueAt, p.OfficerEmail, process.Title, ProcessId = process.Id })
                .ToListAsync(cancellationToken);
            var sent = 0;
            foreach (var item in due)
            {
                var won = await db.PromiseItems.Where(i => i.Id == item.Id && i.ReminderSentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReminderSentAt, now), cancellationToken);
                if (won == 0)
                {
                    continue;
                }

                sent++;
                await outbox.EnqueueAsync(item.OfficerEmail, string.Format(CultureInfo.CurrentCulture, t["MailPromiseReminderSubject"], item.Title),
                    string.Format(CultureInfo.CurrentCulture, t["MailPromiseReminderBody"], item.Title, item.Text,
                        item.DueAt.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.CurrentCulture),
                        outbox.Link($"/admin/processes/{item.ProcessId}/promise")), cancellationToken);
            }

            return sent;
        }
    }
}
