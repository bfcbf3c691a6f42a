using Hangfire;
using Mediator;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Sends one outbox e-mail; a failure is recorded on the row and Hangfire retries with back-off.</summary>
public sealed class SendEmailJob(AppDbContext db, IOptions<EmailOptions> options, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [5, 30, 120, 600, 1800, 3600])]
    public async Task RunAsync(Guid emailId, CancellationToken cancellationToken)
    {
        var email = await db.OutboxEmails.SingleOrDefaultAsync(e => e.Id == emailId, cancellationToken);
        if (email is null || email.Status == OutboxEmailStatus.Sent)
        {
            return;
        }

        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            email.Status = OutboxEmailStatus.Held;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        email.Attempts++;
        try
        {
            await SendAsync(settings, email, cancellationToken);
            email.Status = OutboxEmailStatus.Sent;
            email.SentAt = clock.GetUtcNow();
            email.LastError = null;
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.Security.AuthenticationException
                                       or SmtpCommandException or SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            email.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SendAsync(EmailOptions settings, OutboxEmail email, CancellationToken cancellationToken)
    {
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.MessageId = $"{email.Id:N}@participative-democracy";
        message.Body = new TextPart("plain") { Text = email.TextBody };

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.Username))
        {
            await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>After commit, hands the new e-mail to Hangfire.</summary>
public sealed class EnqueueEmailOnCommit(IBackgroundJobClient jobs) : INotificationHandler<EmailQueued>
{
    public ValueTask Handle(EmailQueued notification, CancellationToken cancellationToken)
    {
        jobs.Enqueue<SendEmailJob>(job => job.RunAsync(notification.EmailId, CancellationToken.None));
        return ValueTask.CompletedTask;
    }
}
