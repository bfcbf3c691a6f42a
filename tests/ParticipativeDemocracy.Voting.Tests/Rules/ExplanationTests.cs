namespace ParticipativeDemocracy.Voting.Tests;

/// <summary>The Equal Shares explanation a resident reads: who paid what in each round, and why the rest lost.</summary>
public sealed class ExplanationTests
{
    [Fact]
    public void Each_round_says_what_supporters_paid_and_each_loser_why_it_lost()
    {
        // Shares of 50: a costs 60, split 30 + 30; b costs 90 and its one supporter has 20 left.
        var projects = new[] { new Project("a", 60m), new Project("b", 90m) };
        var ballots = new[] { new Ballot("1", ["a", "b"]), new Ballot("2", ["a"]) };
        var election = Election.Create(100m, BallotKind.Approval, projects, ballots);

        var result = BudgetCounter.Count(election, new CountingOptions(CountingRule.EqualShares));

        Assert.Equal(["a"], result.Selected);
        Assert.Contains("Round 1: funded a (a), cost 60. Of its 2 supporters, 2 paid 30 each.", result.Explanation);
        Assert.Contains("Not funded: b (b): its 1 supporter had 20 left; it needed 90.", result.Explanation);
    }

    [Fact]
    public void Voters_who_pay_all_they_have_left_are_counted_in_the_round()
    {
        // Shares of 10. Round 1: x (cost 5) from voter 4 alone. Round 2: d (cost 24) from all four; voter 4 has
        // only 5 left and pays it, the other three pay (24 − 5) / 3 = 6.33 each. c then needs 30 from 3 × 3.67.
        var projects = new[] { new Project("c", 30m), new Project("d", 24m), new Project("x", 5m) };
        var ballots = new[] { new Ballot("1", ["c", "d"]), new Ballot("2", ["c", "d"]), new Ballot("3", ["c", "d"]), new Ballot("4", ["d", "x"]) };
        var election = Election.Create(40m, BallotKind.Approval, projects, ballots);

        var result = BudgetCounter.Count(election, new CountingOptions(CountingRule.EqualShares, Utility.Cardinality));

        Assert.Equal(["x", "d"], result.Selected);
        Assert.Contains("Round 2: funded d (d), cost 24. Of its 4 supporters, 3 paid 6.33 each; 1 paid all they had left (5 together).", result.Explanation);
        Assert.Contains("Not funded: c (c): its 3 supporters had 11 left; it needed 30.", result.Explanation);
    }
}
