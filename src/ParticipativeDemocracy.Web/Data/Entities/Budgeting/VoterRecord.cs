namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>That a voter has voted in one budget of a process (one person, one vote per budget), never what they voted.</summary>
public sealed class VoterRecord
{
    public Guid ProcessId { get; set; }

    /// <summary>One record per budget the voter voted in.</summary>
    public Guid BudgetId { get; set; }

    /// <summary>"roll:&lt;reference hash&gt;" once a person proved a roll entry, else "user:&lt;id&gt;" or "code:&lt;code id&gt;".</summary>
    public required string VoterKey { get; set; }

    /// <summary>How the last ballot came: a paper voter cannot then vote online, nor the other way round.</summary>
    public VoteChannel Channel { get; set; }

    public DateTimeOffset FirstVotedAt { get; set; }

    public DateTimeOffset LastVotedAt { get; set; }
}

public enum VoteChannel
{
    Online,
    Assisted,
    Paper,
}
