namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>That a voter has voted in a process (one person, one vote), never what they voted.</summary>
public sealed class VoterRecord
{
    public Guid ProcessId { get; set; }

    /// <summary>"user:&lt;id&gt;" for account holders; other channels add their own prefixes.</summary>
    public required string VoterKey { get; set; }

    public DateTimeOffset FirstVotedAt { get; set; }

    public DateTimeOffset LastVotedAt { get; set; }
}
