namespace ParticipativeDemocracy.Voting;

public enum CountingRule
{
    Greedy,
    EqualShares,
    Phragmen,
}

/// <summary>What a voter gains from a funded project: its cost, 1, or the voter's points for it.</summary>
public enum Utility
{
    Cost,
    Cardinality,
    Points,
}

/// <summary>How Equal Shares spends money it leaves over (see docs/research on each variant).</summary>
public enum Completion
{
    None,
    Add1,
    Add1Greedy,
    Add1Full,
}

public enum TieBreak
{
    /// <summary>Plain ordinal order of project ids (the reference library's default).</summary>
    ProjectId,

    /// <summary>Lowest cost, then most votes, then a lot drawn from the seed (equalshares.net's advice).</summary>
    CostVotesLot,
}

/// <summary>Everything that determines an outcome besides the election itself.</summary>
public sealed record CountingOptions(
    CountingRule Rule,
    Utility Utility = Utility.Cost,
    Completion Completion = Completion.None,
    TieBreak TieBreak = TieBreak.ProjectId,
    ulong Seed = 0);
