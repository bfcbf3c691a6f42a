namespace ParticipativeDemocracy.Sortition.Model;

/// <summary>
/// The outcome of a draw: the panel (ids in pool order), every respondent's selection probability
/// (aligned with the pool), the smallest of them and the seed that reproduces the panel.
/// </summary>
public sealed record DrawResult(
    IReadOnlyList<string> Panel,
    IReadOnlyList<double> Probabilities,
    double MinProbability,
    ulong Seed,
    SelectionAlgorithm Algorithm)
{
    /// <summary>How many panel compositions the LEXIMIN lottery mixes (0 for LEGACY).</summary>
    public int LotterySize { get; init; }
}
