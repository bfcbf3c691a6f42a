namespace ParticipativeDemocracy.Web.Data.Entities.Juries;

/// <summary>How many panel members may have one value of one feature (e.g. age=16-29: 3 to 5).</summary>
public sealed class JuryQuota
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public int Position { get; set; }

    public required string Category { get; set; }

    public required string Value { get; set; }

    public int Min { get; set; }

    public int Max { get; set; }
}
