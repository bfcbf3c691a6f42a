namespace ParticipativeDemocracy.Web.Data.Entities.Deliberation;

/// <summary>A question the panel answers in writing until a deadline; closed once, then frozen.</summary>
public sealed class DeliberationRound
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public required string Question { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class RoundContribution
{
    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public Guid UserId { get; set; }

    public required string DisplayName { get; set; }

    public Stance Stance { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset PostedAt { get; set; }
}

public enum Stance
{
    Agree,
    Disagree,
    Unsure,
}
