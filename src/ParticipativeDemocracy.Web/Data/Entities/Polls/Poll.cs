namespace ParticipativeDemocracy.Web.Data.Entities.Polls;

/// <summary>A short poll for the users of one named service. One per service-user-poll process.</summary>
public sealed class Poll
{
    public Guid ProcessId { get; set; }

    public required string ServiceName { get; set; }

    public PollAudience Audience { get; set; }

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>Set exactly once, by the schedule job.</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>Set exactly once, by the schedule job; no answer is taken afterwards.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The officer lets the public watch the results while the poll runs.</summary>
    public bool LiveResults { get; set; }

    /// <summary>A breakdown group with fewer respondents than this is never shown.</summary>
    public int MinGroupSize { get; set; }

    public List<PollQuestion> Questions { get; set; } = [];

    /// <summary>E-mail addresses of the service's managers, who receive the results and must respond.</summary>
    public List<string> ManagerEmails { get; set; } = [];

    public string? ManagersResponse { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public string? RespondedBy { get; set; }

    public uint Version { get; set; }
}

public enum PollAudience
{
    Everyone,
    CodeHolders,
    Roll,
}

public enum PollQuestionKind
{
    SingleChoice,
    MultipleChoice,
    Ranking,
    Rating,
    FreeText,
}

public sealed record PollQuestion(int Number, PollQuestionKind Kind, string Text, IReadOnlyList<string> Options);
