namespace ParticipativeDemocracy.Voting;

/// <summary>
/// The outcome of a count: ids in the order the rule selected them, their exact total cost, the
/// options that produced it, and an explanation a resident can read.
/// </summary>
public sealed record CountingResult(
    CountingOptions Options,
    IReadOnlyList<string> Selected,
    decimal TotalCost,
    IReadOnlyList<string> Explanation)
{
    /// <summary>For Equal Shares: the money each voter started with in the run that was kept.</summary>
    public decimal? VoterShare { get; init; }
}
