namespace ParticipativeDemocracy.Web.Data.Entities.Promises;

/// <summary>What those with power put on the table for one process, said plainly, with dated items.</summary>
public sealed class ParticipationPromise
{
    public Guid ProcessId { get; set; }

    public ParticipationLevel Level { get; set; }

    public required string Text { get; set; }

    /// <summary>The officer who made the promise; reminders go here.</summary>
    public required string OfficerEmail { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<PromiseItem> Items { get; set; } = [];

    public uint Version { get; set; }
}

/// <summary>The usual spectrum of public participation, from least to most power shared.</summary>
public enum ParticipationLevel
{
    Inform,
    Consult,
    Involve,
    Collaborate,
    Empower,
}

public sealed class PromiseItem
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>Set exactly once by the reminder job.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public PromiseOutcome? Outcome { get; set; }

    public DateTimeOffset? OutcomeAt { get; set; }

    public string? Evidence { get; set; }

    public string? EvidenceUrl { get; set; }
}

public enum PromiseOutcome
{
    Delivered,
    Broken,
}
