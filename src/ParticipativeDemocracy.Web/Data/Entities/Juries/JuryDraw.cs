namespace ParticipativeDemocracy.Web.Data.Entities.Juries;

/// <summary>
/// One run of the sortition engine over a jury's pool. The anonymised inputs are kept as the exact
/// CSV files published, so anyone can re-run the draw with <c>pd draw</c> and the recorded seed.
/// </summary>
public sealed class JuryDraw
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public JuryDrawStatus Status { get; set; }

    public required string Algorithm { get; set; }

    /// <summary>Below 2^53, so JSON readers in any language keep it exact.</summary>
    public long Seed { get; set; }

    public int PanelSize { get; set; }

    public required string CategoriesCsv { get; set; }

    public required string RespondentsCsv { get; set; }

    /// <summary>SHA-256 (hex) of categories.csv followed by respondents.csv.</summary>
    public required string InputHash { get; set; }

    public string Progress { get; set; } = string.Empty;

    public string? Error { get; set; }

    public List<string> Conflicts { get; set; } = [];

    /// <summary>The smallest quota changes that make a panel possible, as JSON.</summary>
    public string? Relaxation { get; set; }

    /// <summary>The respondents' anonymous ids on the panel.</summary>
    public List<string> Panel { get; set; } = [];

    /// <summary>Every respondent's selection probability, in the order of respondents.csv.</summary>
    public List<double> Probabilities { get; set; } = [];

    public double? MinProbability { get; set; }

    public int LotterySize { get; set; }

    public Guid? RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public enum JuryDrawStatus
{
    Queued,
    Running,
    Succeeded,
    Infeasible,
    Failed,
}
