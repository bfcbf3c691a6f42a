namespace ParticipativeDemocracy.Web.Data.Entities;

/// <summary>
/// An e-mail written in the same transaction as the change that caused it; a Hangfire job sends it
/// after commit, so a rolled-back sign-up never mails anyone and a mail server outage loses nothing.
/// </summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public OutboxEmailStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}

public enum OutboxEmailStatus
{
    Pending,
    Sent,

    /// <summary>No SMTP server is configured (the local demo): administrators read it in the outbox page.</summary>
    Held,
}
