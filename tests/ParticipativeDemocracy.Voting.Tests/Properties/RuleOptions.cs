namespace ParticipativeDemocracy.Voting.Tests;

internal static class RuleOptions
{
    public static readonly CountingOptions[] All =
    [
        new(CountingRule.Greedy),
        new(CountingRule.Greedy, Utility.Cardinality),
        new(CountingRule.Greedy, Utility.Points),
        new(CountingRule.EqualShares),
        new(CountingRule.EqualShares, Utility.Cardinality),
        new(CountingRule.EqualShares, Utility.Points),
        new(CountingRule.EqualShares, Completion: Completion.Add1),
        new(CountingRule.EqualShares, Completion: Completion.Add1Greedy),
        new(CountingRule.EqualShares, Completion: Completion.Add1Full),
        new(CountingRule.EqualShares, Utility.Points, Completion.Add1Full),
        new(CountingRule.Phragmen),
        new(CountingRule.Phragmen, TieBreak: TieBreak.CostVotesLot, Seed: 7),
        new(CountingRule.EqualShares, Completion: Completion.Add1, TieBreak: TieBreak.CostVotesLot, Seed: 3),
    ];
}
