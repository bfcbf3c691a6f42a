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

    /// <summary>
    /// Raises the share one unit at a time with cheap runs. Once the outcome has stayed the same for
    /// a while, a tracked exact run finds how far it certainly stays the same and the share jumps
    /// there; if such jumps keep being single steps, they are tried less and less often.
    /// </summary>
    private static (MesOutcome Outcome, long Extra) RaiseShare(MesEngine engine, Completion completion)
    {
        var profile = engine.Profile;
        var candidates = Enumerable.Range(0, profile.ProjectCount)
            .Where(p => profile.Supporters[p].Count > 0 && !profile.Costs[p].IsZero).ToList();
        var (extra, kept) = (0L, engine.Run(0, track: false));
        var (unchanged, patience) = (0, 4);
        while (true)
        {
            var stopOnExhaustive = completion != Completion.Add1Full;
            if ((stopOnExhaustive && IsExhaustive(profile, kept, candidates)) || candidates.All(kept.Selected.Contains))
            {
                return (kept, extra);
            }

            var step = 1L;
            if (unchanged >= patience)
            {
                if (engine.Run(extra, track: true).Horizon is not { } horizon)
                {
                    return (kept, extra);
                }

                step = Jump(profile, horizon);
                (unchanged, patience) = (0, step > 1 ? patience : 2 * patience);
            }

            var next = extra + step;
            var outcome = engine.Run(next, track: false);
            if (outcome.Cost > profile.Budget)
            {
                return (kept, extra);
            }

            unchanged = outcome.Selected.SequenceEqual(kept.Selected) ? unchanged + 1 : 0;
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
        profile.Utility == Utility.Cardinality ? CountingProfile.For(profile.Election, Utility.Cost) : profile;

    private static decimal? VoterShare(CountingProfile profile, long extra) =>
        profile.Voters == 0 ? null : profile.Money.Round(profile.Budget + (extra * profile.Money.Unit * profile.Voters), profile.Voters);
}
