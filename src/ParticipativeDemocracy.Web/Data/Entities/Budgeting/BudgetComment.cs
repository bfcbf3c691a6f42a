namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>
/// A comment on a proposal or project, possibly a reply to another. A hidden comment stays in the
/// thread (replies keep their place) but shows only the moderator's reason.
/// </summary>
public sealed class BudgetComment
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public Guid ProjectId { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>Null once the author deleted their account; the name is read from the account, never copied.</summary>
    public Guid? AuthorId { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Reports not yet looked at by a moderator; the moderation queue lists comments with some.</summary>
    public int OpenReports { get; set; }

    public DateTimeOffset? HiddenAt { get; set; }

    public string? HiddenReason { get; set; }

    public Guid? HiddenById { get; set; }
}

/// <summary>That a resident reported a comment as abusive, once per person.</summary>
public sealed class CommentReport
{
    public Guid CommentId { get; set; }

    public Guid ReporterId { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
