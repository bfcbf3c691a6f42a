namespace ParticipativeDemocracy.Voting;

/// <summary>The counting engine's entry point: one election, one set of options, one exact result.</summary>
public static class BudgetCounter
{
    public static CountingResult Count(Election election, CountingOptions options)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(options);
        var utility = options.Rule == CountingRule.Phragmen ? Utility.Cost : options.Utility;
        var profile = CountingProfile.For(election, utility);
        var ranks = TieBreaker.Ranks(election.Projects, profile.Votes, options.TieBreak, options.Seed);
        var result = options.Rule switch
        {
            CountingRule.Greedy => GreedyRule.Count(profile, ranks, options),
            CountingRule.EqualShares => EqualSharesRule.Count(profile, ranks, options),
            CountingRule.Phragmen => PhragmenRule.Count(profile, ranks, options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Rule, "Unknown rule."),
        };
        return result with { Explanation = [.. result.Explanation, $"Ties broken by {TieBreakName(options)}."] };
    }

    public static string TieBreakName(CountingOptions options) => options.TieBreak switch
    {
        TieBreak.ProjectId => "project id (plain text order)",
        _ => $"lowest cost, then most votes, then a lot drawn with seed {options.Seed}",
    };
}
