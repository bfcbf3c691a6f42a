using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>The Method of Equal Shares and its completions (the add1 loop is <see cref="ShareRaiser"/>).</summary>
internal static class EqualSharesRule
{
    public static CountingResult Count(CountingProfile profile, int[] ranks, CountingOptions options)
    {
        var engine = new MesEngine(profile, ranks, options.Utility);
        var extra = options.Completion == Completion.None ? 0L : new ShareRaiser(engine, options.Completion).Raise();
        var outcome = engine.Run(extra, track: false);
        var selected = outcome.Selected.ToList();
        var explanation = MesExplanation.Header(profile, options, extra, engine);
        explanation.AddRange(outcome.Rounds.Select(r => MesExplanation.Round(profile, r)));
        if (options.Completion == Completion.Add1Greedy)
        {
            explanation.Add("Money left over is then filled greedily, in order of support:");
            GreedyRule.Fill(GreedyProfile(profile), ranks, selected, profile.Budget - outcome.Cost, explanation);
        }

        explanation.AddRange(outcome.Shortfalls.Where(s => !selected.Contains(s.Project)).Select(s => MesExplanation.Shortfall(profile, s)));
        return ResultFactory.Create(profile, options, selected, explanation) with { VoterShare = VoterShare(profile, extra) };
    }

    private static CountingProfile GreedyProfile(CountingProfile profile) =>
        profile.Utility == Utility.Cardinality ? CountingProfile.For(profile.Election, Utility.Cost) : profile;

    private static decimal? VoterShare(CountingProfile profile, long extra) =>
        profile.Voters == 0 ? null : profile.Money.Round(profile.Budget + (extra * profile.Money.Unit * profile.Voters), profile.Voters);
}
