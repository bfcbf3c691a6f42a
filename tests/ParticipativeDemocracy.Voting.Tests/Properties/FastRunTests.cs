namespace ParticipativeDemocracy.Voting.Tests;

/// <summary>The floating-point Equal Shares run either proves every decision or gives up; when it answers, it answers exactly.</summary>
public sealed class FastRunTests
{
    [Theory]
    [InlineData(Utility.Cost)]
    [InlineData(Utility.Cardinality)]
    [InlineData(Utility.Points)]
    public void Floating_point_runs_agree_with_exact_runs(Utility utility)
    {
        var random = new Random(977 + (int)utility);
        var (answered, total) = (0, 0);
        for (var i = 0; i < 400; i++)
        {
            var election = utility == Utility.Points ? RandomElections.Cumulative(random) : RandomElections.Approval(random, maxProjects: 8, maxVoters: 30);
            var profile = CountingProfile.Build(election, utility);
            var ranks = TieBreaker.Ranks(election.Projects, profile.Votes, TieBreak.ProjectId, 0);
            var engine = new MesEngine(profile, ranks, utility);
            foreach (var extra in new[] { 0L, 1L, 7L })
            {
                total++;
                if (engine.TryFast(extra) is not { } fast)
                {
                    continue;
                }

                answered++;
                var exact = engine.RunExact(extra, track: false);
                Assert.Equal(exact.Selected, fast.Selected);
                Assert.Equal(exact.Cost, fast.Cost);
                Assert.Equal(exact.Rounds.Select(r => (r.Project, r.Supporters)), fast.Rounds.Select(r => (r.Project, r.Supporters)));
            }
        }

        Assert.True(answered > total / 2, $"the fast run answered only {answered} of {total}");
    }

    [Theory]
    [InlineData(Utility.Cost, 1)]
    [InlineData(Utility.Points, 1)]
    [InlineData(Utility.Cost, 50)]
    [InlineData(Utility.Cardinality, 50)]
    public void A_range_run_that_answers_gives_the_exact_outcome_at_every_share_in_the_range(Utility utility, int scale)
    {
        // Scaled elections with wide ranges: projects become affordable inside the range, which a range
        // run may leave unsettled only when that project could not win its round at any share of the range.
        var random = new Random(1234 + (int)utility + scale);
        var answered = 0;
        for (var i = 0; i < 300; i++)
        {
            var small = utility == Utility.Points ? RandomElections.Cumulative(random) : RandomElections.Approval(random, maxProjects: 8, maxVoters: 30);
            var election = RandomElections.Scaled(small, scale);
            var profile = CountingProfile.Build(election, utility);
            var ranks = TieBreaker.Ranks(election.Projects, profile.Votes, TieBreak.ProjectId, 0);
            var engine = new MesEngine(profile, ranks, utility);
            var first = (long)random.Next(0, 10 * scale);
            var last = first + random.Next(1, 9 * scale);
            if (engine.TryRange(first, last) is not { } range)
            {
                continue;
            }

            answered++;
            for (var extra = first; extra <= last; extra++)
            {
                Assert.Equal(engine.RunExact(extra, track: false).Selected, range.Selected);
            }
        }

        Assert.True(answered > 50, $"only {answered} range runs answered");
    }

    [Fact]
    public void Exact_ties_between_untouched_projects_are_decided_by_rank()
    {
        var projects = new[] { new Project("b", 30), new Project("a", 30), new Project("c", 30) };
        var ballots = Enumerable.Range(0, 6).Select(v => new Ballot($"v{v}", [projects[v % 3].Id])).ToList();
        var election = Election.Create(180, BallotKind.Approval, projects, ballots);
        var profile = CountingProfile.Build(election, Utility.Cost);
        var ranks = TieBreaker.Ranks(election.Projects, profile.Votes, TieBreak.ProjectId, 0);

        var fast = new MesEngine(profile, ranks, Utility.Cost).TryFast(0);

        Assert.NotNull(fast);
        Assert.Equal([1, 0, 2], fast.Selected);
    }
}
