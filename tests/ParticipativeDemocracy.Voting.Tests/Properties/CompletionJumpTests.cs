namespace ParticipativeDemocracy.Voting.Tests;

/// <summary>The add1 completions jump over shares with mostly floating-point runs; they must agree with plain exact +1 stepping.</summary>
public sealed class CompletionJumpTests
{
    [Theory]
    [InlineData(Completion.Add1, Utility.Cost)]
    [InlineData(Completion.Add1Full, Utility.Cost)]
    [InlineData(Completion.Add1Full, Utility.Cardinality)]
    [InlineData(Completion.Add1Full, Utility.Points)]
    public void Jumping_equals_stepping_one_unit_at_a_time(Completion completion, Utility utility)
    {
        var random = new Random(4242 + (int)completion + (10 * (int)utility));
        for (var i = 0; i < 250; i++)
        {
            var election = utility == Utility.Points ? RandomElections.Cumulative(random) : RandomElections.Approval(random);
            var options = new CountingOptions(CountingRule.EqualShares, utility, completion);

            var jumped = BudgetCounter.Count(election, options);

            Assert.Equal(Stepped(election, options), jumped.Selected);
        }
    }

    [Theory]
    [InlineData(Completion.Add1, Utility.Cost)]
    [InlineData(Completion.Add1Full, Utility.Cost)]
    [InlineData(Completion.Add1, Utility.Points)]
    public void Jumping_equals_stepping_when_steps_are_tiny(Completion completion, Utility utility)
    {
        var random = new Random(9090 + (int)completion + (10 * (int)utility));
        for (var i = 0; i < 60; i++)
        {
            var small = utility == Utility.Points ? RandomElections.Cumulative(random) : RandomElections.Approval(random, maxProjects: 7, maxVoters: 12);
            var election = RandomElections.Scaled(small, 40);
            var options = new CountingOptions(CountingRule.EqualShares, utility, completion);

            var jumped = BudgetCounter.Count(election, options);

            Assert.Equal(Stepped(election, options), jumped.Selected);
        }
    }

    private static List<string> Stepped(Election election, CountingOptions options)
    {
        var profile = CountingProfile.Build(election, options.Utility);
        var ranks = TieBreaker.Ranks(election.Projects, profile.Votes, options.TieBreak, options.Seed);
        var engine = new MesEngine(profile, ranks, options.Utility);
        var candidates = Enumerable.Range(0, profile.ProjectCount).Where(p => profile.Supporters[p].Count > 0 && !profile.Costs[p].IsZero).ToList();
        var kept = engine.RunExact(0, track: false);
        for (var extra = 1L; ; extra++)
        {
            var left = profile.Budget - kept.Cost;
            var exhaustive = candidates.All(p => kept.Selected.Contains(p) || profile.Costs[p] > left);
            if ((options.Completion == Completion.Add1 && exhaustive) || candidates.All(kept.Selected.Contains))
            {
                break;
            }

            var next = engine.RunExact(extra, track: false);
            if (next.Cost > profile.Budget)
            {
                break;
            }

            kept = next;
        }

        return [.. kept.Selected.Select(profile.Id)];
    }
}
