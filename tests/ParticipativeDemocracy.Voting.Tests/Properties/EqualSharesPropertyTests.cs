namespace ParticipativeDemocracy.Voting.Tests;

public sealed class EqualSharesPropertyTests
{
    /// <summary>
    /// EJR up to one project (Peters, Pierczyński, Skowron 2021): for every project set T and the
    /// voters who approve all of T, the voters left unsatisfied must be fewer than n·cost(T)/B.
    /// A voter is satisfied if u(W) ≥ u(T) or adding some project of T to W lifts u above u(T).
    /// </summary>
    [Theory]
    [InlineData(Utility.Cost)]
    [InlineData(Utility.Cardinality)]
    public void Equal_shares_satisfies_EJR_up_to_one_project(Utility utility)
    {
        var random = new Random(31337 + (int)utility);
        for (var i = 0; i < 400; i++)
        {
            var election = RandomElections.Approval(random, maxProjects: 5, maxVoters: 8, allowFree: false);
            var result = BudgetCounter.Count(election, new CountingOptions(CountingRule.EqualShares, utility));
            var winners = election.Projects.Where(p => result.Selected.Contains(p.Id)).ToList();
            foreach (var group in Subsets(election.Projects).Where(t => t.Count > 0))
            {
                Assert.False(Violates(election, winners, group, utility), $"election {i}: EJR-1 fails for {{{string.Join(",", group.Select(p => p.Id))}}}");
            }
        }
    }

    private static bool Violates(Election election, List<Project> winners, List<Project> group, Utility utility)
    {
        var cohesive = election.Ballots.Where(b => group.All(p => b.Projects.Contains(p.Id))).ToList();
        var unsatisfied = cohesive.Count(b => !Satisfied(b, winners, group, utility));
        return unsatisfied > 0 && unsatisfied * election.Budget >= election.Ballots.Count * group.Sum(p => p.Cost);
    }

    private static bool Satisfied(Ballot ballot, List<Project> winners, List<Project> group, Utility utility)
    {
        decimal Value(IEnumerable<Project> set) => set.Where(p => ballot.Projects.Contains(p.Id)).Sum(p => utility == Utility.Cost ? p.Cost : 1m);
        var target = Value(group);
        var have = Value(winners);
        return have >= target || group.Where(p => !winners.Contains(p)).Any(p => have + (utility == Utility.Cost ? p.Cost : 1m) > target);
    }

    private static IEnumerable<List<Project>> Subsets(IReadOnlyList<Project> projects) =>
        Enumerable.Range(0, 1 << projects.Count).Select(mask => projects.Where((_, i) => (mask & (1 << i)) != 0).ToList());
}
