using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// E-mails residents about a budget, each in the language they chose, through the outbox (so the mail
/// commits with the change that caused it, or not at all).
/// </summary>
public static class BudgetMail
{
    public sealed record Message(string Subject, string Body);

    public static async Task<int> SendAsync(
        AppDbContext db, EmailOutbox outbox, IReadOnlyCollection<Guid> userIds,
        Func<Guid, Message?> compose, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return 0;
        }

        var recipients = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var recipient in recipients)
        {
            var message = InCulture(recipient.PreferredCulture, () => compose(recipient.Id));
            if (message is not null)
            {
                await outbox.EnqueueAsync(recipient.Email!, message.Subject, message.Body, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    public static string Format(IStringLocalizer<SharedResource> text, string key, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, text[key], values);

    private static T InCulture<T>(string? name, Func<T> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var wanted = UiServices.SupportedCultures.FirstOrDefault(c => c.Name == name) ?? UiServices.SupportedCultures[0];
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = wanted;
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
