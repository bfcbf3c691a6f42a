namespace ParticipativeDemocracy.Web.Data.Entities.Juries;

/// <summary>What a citizens' jury (a process of kind <see cref="ProcessKind.CitizensJury"/>) is asked and how large its panel is.</summary>
public sealed class JurySettings
{
    public Guid ProcessId { get; set; }

    /// <summary>The question the jury answers, in plain language.</summary>
    public required string Remit { get; set; }

    public int PanelSize { get; set; }

    /// <summary>Volunteers may register through the public form from this instant.</summary>
    public DateTimeOffset? RecruitmentOpensAt { get; set; }

    public DateTimeOffset? RecruitmentClosesAt { get; set; }

    /// <summary>How long a selected person has to confirm or decline an invitation.</summary>
    public int ResponseDays { get; set; } = 7;

    public string Algorithm { get; set; } = "Leximin";

    /// <summary>The sessions' dates, announced while recruiting so volunteers can say which they can attend (JSON).</summary>
    public string Schedule { get; set; } = "[]";

    public int ConfigurationVersion { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }
}
