namespace ParticipativeDemocracy.Voting.Tests;

public sealed class RulePropertyTests
{
    private const int Elections = 300;

    [Fact]
    public void No_rule_ever_exceeds_the_budget_or_selects_twice()
    {
        var random = new Random(20260401);
        for (var i = 0; i < Elections; i++)
        {
            var election = i % 3 == 0 ? RandomElections.Cumulative(random) : RandomElections.Approval(random);
            foreach (var options in RuleOptions.All)
            {
                var result = BudgetCounter.Count(election, options);
                Assert.True(result.TotalCost <= election.Budget, $"election {i}, {options}: {result.TotalCost} > {election.Budget}");
                Assert.Equal(result.Selected.Count, result.Selected.Distinct().Count());
                Assert.Equal(election.Projects.Where(p => result.Selected.Contains(p.Id)).Sum(p => p.Cost), result.TotalCost);
            }
        }
    }

    [Fact]
    public void Greedy_is_exhaustive()
    {
        var random = new Random(7);
        for (var i = 0; i < Elections; i++)
        {
            var election = RandomElections.Approval(random);
            foreach (var utility in new[] { Utility.Cost, Utility.Cardinality })
            {
                var result = BudgetCounter.Count(election, new CountingOptions(CountingRule.Greedy, utility));
                var left = election.Budget - result.TotalCost;
                Assert.DoesNotContain(election.Projects, p => !result.Selected.Contains(p.Id) && p.Cost <= left);
            }
        }
    }

    [Fact]
    public void Add1_greedy_is_exhaustive()
    {
        var random = new Random(11);
        for (var i = 0; i < Elections; i++)
        {
            var election = RandomElections.Approval(random);
            var result = BudgetCounter.Count(election, new CountingOptions(CountingRule.EqualShares, Completion: Completion.Add1Greedy));
            var left = election.Budget - result.TotalCost;
            Assert.DoesNotContain(election.Projects, p => !result.Selected.Contains(p.Id) && p.Cost <= left);
        }
    }

    [Fact]
    public void Same_seed_same_result_and_the_lot_decides_exact_ties()
    {
        var projects = new[] { new Project("a", 10m), new Project("b", 10m) };
        var ballots = new[] { new Ballot("1", ["a"]), new Ballot("2", ["b"]) };
        var election = Election.Create(10m, BallotKind.Approval, projects, ballots);
        var winners = Enumerable.Range(0, 32)
            .Select(seed => BudgetCounter.Count(election, new CountingOptions(CountingRule.Greedy, TieBreak: TieBreak.CostVotesLot, Seed: (ulong)seed)).Selected.Single())
            .ToList();
        Assert.Equal(winners, Enumerable.Range(0, 32)
            .Select(seed => BudgetCounter.Count(election, new CountingOptions(CountingRule.Greedy, TieBreak: TieBreak.CostVotesLot, Seed: (ulong)seed)).Selected.Single()));
        Assert.Contains("a", winners);
        Assert.Contains("b", winners);
    }

    [Fact]
    public void Cost_votes_lot_ranks_cheaper_then_more_voted_projects_first()
    {
        var projects = new[] { new Project("a", 10m), new Project("b", 6m), new Project("c", 6m) };

        var ranks = TieBreaker.Ranks(projects, [5, 1, 3], TieBreak.CostVotesLot, seed: 1);

        Assert.Equal([2, 1, 0], ranks);
    }

    [Fact]
    public void The_tie_break_decides_an_exact_greedy_tie()
    {
        var projects = new[] { new Project("a", 10m), new Project("b", 6m) };
        var ballots = new[] { new Ballot("1", ["a"]), new Ballot("2", ["b"]), new Ballot("3", ["a", "b"]) };
        var election = Election.Create(10m, BallotKind.Approval, projects, ballots);

        var byId = BudgetCounter.Count(election, new CountingOptions(CountingRule.Greedy));
        var byCost = BudgetCounter.Count(election, new CountingOptions(CountingRule.Greedy, TieBreak: TieBreak.CostVotesLot));

        Assert.Equal(["a"], byId.Selected);
        Assert.Equal(["b"], byCost.Selected);
        Assert.Contains(byCost.Explanation, l => l.Contains("lowest cost", StringComparison.Ordinal));
    }
}
