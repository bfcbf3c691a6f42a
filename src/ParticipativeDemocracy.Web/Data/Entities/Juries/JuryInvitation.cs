namespace ParticipativeDemocracy.Web.Data.Entities.Juries;

/// <summary>An invitation to a person drawn for the panel: confirm or decline by the deadline.</summary>
public sealed class JuryInvitation
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public Guid VolunteerId { get; set; }

    /// <summary>0 for the first draw, then 1, 2, … for each round of replacements.</summary>
    public int Round { get; set; }

    public JuryInvitationStatus Status { get; set; }

    /// <summary>SHA-256 (hex) of the link's token; the token itself is only in the e-mail.</summary>
    public string? TokenHash { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? DeadlineAt { get; set; }

    public DateTimeOffset? RemindedAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    /// <summary>Set once a replacement has been drawn for this declined or lapsed invitation.</summary>
    public bool Replaced { get; set; }
}

public enum JuryInvitationStatus
{
    Drawn,
    Pending,
    Confirmed,
    Declined,
    Lapsed,

    /// <summary>Confirmed, then withdrawn from the panel by an officer; replaced like a decline.</summary>
    Withdrawn,
}
