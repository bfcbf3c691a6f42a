namespace ParticipativeDemocracy.Web.Data.Entities.Juries;

/// <summary>
/// A person who sits on a jury's panel: drawn by lot and confirmed, or a vertical-slice member placed by officers.
/// Recruitment writes these rows; the jury room, rounds and votes admit only active members.
/// </summary>
public sealed class JuryPanelMember
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The name shown in the jury room (jurors may prefer a first name only).</summary>
    public required string DisplayName { get; set; }

    public PlayerLevel? PlayerLevel { get; set; }

    public JuryMemberStatus Status { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }
}

public enum JuryMemberStatus
{
    Active,
    Withdrawn,
}
