using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Promises;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Promises;

/// <summary>The promise as a paragraph for feedback e-mails, so every message repeats what was promised and how it stands.</summary>
public sealed class PromiseFeedback(AppDbContext db, TimeProvider clock, IStringLocalizer<ParticipationText> t)
{
    public async Task<string> ForEmailAsync(Guid processId, CancellationToken cancellationToken) =>
        (await LoadAsync(processId, cancellationToken)).Format();

    /// <summary>
    /// Loads the promise once; <see cref="PromiseParagraph.Format"/> then writes it in the current culture,
    /// so mails composed per recipient each get their own language.
    /// </summary>
    public async Task<PromiseParagraph> LoadAsync(Guid processId, CancellationToken cancellationToken)
    {
        var promise = await db.ParticipationPromises.AsNoTracking().Include(p => p.Items)
            .SingleOrDefaultAsync(p => p.ProcessId == processId, cancellationToken);
        return new PromiseParagraph(promise, clock.GetUtcNow(), t);
    }
}

public sealed class PromiseParagraph(ParticipationPromise? promise, DateTimeOffset now, IStringLocalizer<ParticipationText> t)
{
    /// <summary>Empty when the process has no promise.</summary>
    public string Format()
    {
        if (promise is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder()
            .AppendLine(string.Format(CultureInfo.CurrentCulture, t["MailPromiseHeading"], t[$"Level_{promise.Level}"]))
            .AppendLine(promise.Text);
        foreach (var item in promise.Items.OrderBy(i => i.DueAt))
        {
            text.AppendLine(CultureInfo.CurrentCulture, $"- {item.Text} ({item.DueAt:d MMMM yyyy}): {t[$"PromiseStatus_{PromiseStatus.Of(item, now)}"]}");
        }

        return text.ToString();
    }

    /// <summary>The paragraph after a blank line, to append to a mail body; empty when there is no promise.</summary>
    public string AsFooter() => promise is null ? string.Empty : "\n\n" + Format().TrimEnd();
}
