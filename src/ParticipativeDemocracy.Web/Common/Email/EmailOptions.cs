using MailKit.Security;

namespace ParticipativeDemocracy.Web.Common.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "no-reply@example.org";

    public string FromName { get; set; } = "ParticipativeDemocracy";

    /// <summary>Where links in e-mails point: the public address of the site.</summary>
    public Uri LinkBaseUrl { get; set; } = new("http://localhost:5080");

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty: mail is held in the outbox (the local demo) instead of sent.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? Username { get; set; }

    public string? Password { get; set; }
}
