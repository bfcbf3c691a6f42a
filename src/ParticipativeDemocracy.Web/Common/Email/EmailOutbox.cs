using Mediator;
using Microsoft.Extensions.Options;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Common.Email;

/// <summary>Handlers write mail here; it is stored with their transaction and sent after commit.</summary>
public sealed class EmailOutbox(AppDbContext db, TimeProvider clock, AfterCommit afterCommit, IOptions<EmailOptions> options)
{
    public Uri Link(string pathAndQuery) => new(options.Value.LinkBaseUrl, pathAndQuery);

    /// <summary>Saves the e-mail in the command's transaction; it is handed to Hangfire after commit.</summary>
    public async Task EnqueueAsync(string to, string subject, string textBody, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var email = new OutboxEmail
        {
            Id = Guid.CreateVersion7(now),
            To = to,
            Subject = subject,
            TextBody = textBody,
            Status = OutboxEmailStatus.Pending,
            CreatedAt = now,
        };
        db.OutboxEmails.Add(email);
        await db.SaveChangesAsync(cancellationToken);
        afterCommit.Publish(new EmailQueued(email.Id));
    }
}

public sealed record EmailQueued(Guid EmailId) : INotification;
