using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// The Method of Equal Shares and its completions. The add1 completions raise every voter's share
/// by one currency unit at a time, but jump straight to the next share at which any decision of
/// the last run could change (its horizon), so tiny currency units cost no extra runs.
/// </summary>
internal static class EqualSharesRule
{
    public static CountingResult Count(CountingProfile profile, int[] ranks, CountingOptions options)
    {
        var engine = new MesEngine(profile, ranks, options.Utility);
        var (outcome, extra) = options.Completion == Completion.None ? (engine.Run(0, track: false), 0L) : RaiseShare(engine, options.Completion);
        var selected = outcome.Selected.ToList();
        var explanation = MesExplanation.Header(profile, options, extra, engine.Runs);
        explanation.AddRange(outcome.Rounds.Select(r => MesExplanation.Round(profile, r)));
        if (options.Completion == Completion.Add1Greedy)
        {
            explanation.Add("Money left over is then filled greedily, in order of support:");
            GreedyRule.Fill(GreedyProfile(profile), ranks, selected, profile.Budget - outcome.Cost, explanation);
        }

        explanation.AddRange(outcome.Shortfalls.Where(s => !selected.Contains(s.Project)).Select(s => MesExplanation.Shortfall(profile, s)));
        return ResultFactory.Create(profile, options, selected, explanation) with { VoterShare = VoterShare(profile, extra) };
    }

    private static (MesOutcome Outcome, long Extra) RaiseShare(MesEngine engine, Completion completion)
    {
        var profile = engine.Profile;
        var candidates = Enumerable.Range(0, profile.ProjectCount)
            .Where(p => profile.Supporters[p].Count > 0 && !profile.Costs[p].IsZero).ToList();
        var (extra, kept) = (0L, engine.Run(0, track: true));
        while (true)
        {
            var stopOnExhaustive = completion != Completion.Add1Full;
            if ((stopOnExhaustive && IsExhaustive(profile, kept, candidates)) || candidates.All(kept.Selected.Contains) || kept.Horizon is null)
            {
                return (kept, extra);
            }

            var next = extra + Jump(profile, kept.Horizon.Value);
            var outcome = engine.Run(next, track: true);
            if (outcome.Cost > profile.Budget)
            {
                return (kept, extra);
            }

            (extra, kept) = (next, outcome);
        }
    }

    /// <summary>Whole currency units to the first share not covered by the horizon (at least one).</summary>
    private static long Jump(CountingProfile profile, (BigInteger Num, BigInteger Den) horizon)
    {
        var units = horizon.Den * profile.Money.Unit;
        var steps = BigInteger.Divide(horizon.Num + units - 1, units);
        return (long)BigInteger.Max(steps, BigInteger.One);
    }

    private static bool IsExhaustive(CountingProfile profile, MesOutcome outcome, List<int> candidates)
    {
        var left = profile.Budget - outcome.Cost;
        return candidates.All(p => outcome.Selected.Contains(p) || profile.Costs[p] > left);
    }

    private static CountingProfile GreedyProfile(CountingProfile profile) =>
        profile.Utility == Utility.Cardinality ? CountingProfile.Build(profile.Election, Utility.Cost) : profile;

    private static decimal? VoterShare(CountingProfile profile, long extra) =>
        profile.Voters == 0 ? null : profile.Money.Round(profile.Budget + (extra * profile.Money.Unit * profile.Voters), profile.Voters);
}
