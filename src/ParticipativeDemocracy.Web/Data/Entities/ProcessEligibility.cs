namespace ParticipativeDemocracy.Web.Data.Entities;

/// <summary>Who may take part in one process. No row means anyone signed in may.</summary>
public sealed class ProcessEligibility
{
    public Guid ProcessId { get; set; }

    public int? MinimumAge { get; set; }

    /// <summary>The day on which the minimum age is reached; by default the day the process opens.</summary>
    public DateOnly? AgeOnDate { get; set; }

    /// <summary>Empty: every district.</summary>
    public List<string> Districts { get; set; } = [];

    public bool RollRequired { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
