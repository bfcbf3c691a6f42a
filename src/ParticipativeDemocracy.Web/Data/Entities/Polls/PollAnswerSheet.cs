namespace ParticipativeDemocracy.Web.Data.Entities.Polls;

/// <summary>
/// One respondent's answers. Holds no identity and no time: the random id and the coarse player level
/// (for breakdowns) cannot be joined to the respondent registry.
/// </summary>
public sealed class PollAnswerSheet
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public PlayerLevel? PlayerLevel { get; set; }

    public List<PollAnswer> Answers { get; set; } = [];
}

/// <summary>Choices are option indexes (in ranked order for rankings); Rating is 1–5; Text is free text.</summary>
public sealed record PollAnswer(int Question, IReadOnlyList<int>? Choices, int? Rating, string? Text);

/// <summary>That someone answered (one answer each), and where to tell them the managers' response.</summary>
public sealed class PollRespondent
{
    public Guid ProcessId { get; set; }

    /// <summary>Keyed hash of the account or voting code; not reversible to the person.</summary>
    public required string RespondentKey { get; set; }

    /// <summary>Erased once the managers' response has been sent.</summary>
    public string? NotifyEmail { get; set; }
}
