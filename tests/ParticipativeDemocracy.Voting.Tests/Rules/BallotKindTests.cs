namespace ParticipativeDemocracy.Voting.Tests;

/// <summary>Ordinal and choose-one ballots: Borda scores for greedy and points, listed projects as approvals otherwise.</summary>
public sealed class BallotKindTests
{
    private static readonly Project[] Three = [new("a", 50m), new("b", 50m), new("c", 50m)];

    [Fact]
    public void Ordinal_ballots_give_Borda_scores_to_greedy_by_points_and_approvals_to_greedy_by_cost()
    {
        // Borda (n − position − 1): a = 2 + 0 + 0, b = 1 + 2 + 1, c = 0 + 1 + 2. Every project is listed 3 times.
        var ballots = new[] { new Ballot("1", ["a", "b", "c"]), new Ballot("2", ["b", "c", "a"]), new Ballot("3", ["c", "b", "a"]) };
        var election = Election.Create(100m, BallotKind.Ordinal, Three, ballots);

        var byPoints = BudgetCounter.Count(election, new CountingOptions(CountingRule.Greedy, Utility.Points));
        var byApprovals = BudgetCounter.Count(election, new CountingOptions(CountingRule.Greedy));

        Assert.Equal(["b", "c"], byPoints.Selected);
        Assert.Equal(["a", "b"], byApprovals.Selected);
    }

    [Theory]
    [InlineData(Utility.Cost)]
    [InlineData(Utility.Cardinality)]
    public void Cost_and_cardinality_utilities_count_a_listed_project_as_approved(Utility utility)
    {
        var random = new Random(808 + (int)utility);
        foreach (var completion in new[] { Completion.None, Completion.Add1 })
        {
            for (var i = 0; i < 100; i++)
            {
                var cumulative = RandomElections.Cumulative(random);
                var ordinal = Election.Create(cumulative.Budget, BallotKind.Ordinal, cumulative.Projects, [.. cumulative.Ballots.Select(b => new Ballot(b.VoterId, b.Projects))]);
                var approval = Election.Create(cumulative.Budget, BallotKind.Approval, cumulative.Projects, [.. cumulative.Ballots.Select(b => new Ballot(b.VoterId, b.Projects))]);
                var options = new CountingOptions(CountingRule.EqualShares, utility, completion);

                var expected = BudgetCounter.Count(approval, options).Selected;

                Assert.Equal(expected, BudgetCounter.Count(cumulative, options).Selected);
                Assert.Equal(expected, BudgetCounter.Count(ordinal, options).Selected);
            }
        }
    }

    [Fact]
    public void Choose_one_ballots_are_read_and_counted_as_single_approvals()
    {
        const string text = "META\nkey;value\nbudget;100\nvote_type;choose-1\nPROJECTS\nproject_id;cost\na;50\nb;50\nc;50\nVOTES\nvoter_id;vote\n1;a\n2;b\n3;b\n4;\n";

        var election = PabulibReader.Parse(text);
        var result = BudgetCounter.Count(election, new CountingOptions(CountingRule.EqualShares, Completion: Completion.Add1));

        Assert.Equal(BallotKind.ChooseOne, election.Kind);
        Assert.Equal(4, election.Ballots.Count);
        Assert.Equal(["b", "a"], result.Selected);
        Assert.Equal(text, PabulibWriter.Write(election));
    }
}
