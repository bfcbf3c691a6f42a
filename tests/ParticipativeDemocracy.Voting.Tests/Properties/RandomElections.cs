namespace ParticipativeDemocracy.Voting.Tests;

/// <summary>Small random elections from a seeded generator, so every failure can be replayed.</summary>
internal static class RandomElections
{
    public static Election Approval(Random random, int maxProjects = 6, int maxVoters = 9, bool allowFree = true)
    {
        var projects = Enumerable.Range(0, random.Next(1, maxProjects + 1))
            .Select(i => new Project(ProjectId(random, i), Cost(random, allowFree)))
            .ToList();
        var ballots = Enumerable.Range(0, random.Next(0, maxVoters + 1))
            .Select(v => new Ballot($"v{v}", [.. projects.Where(_ => random.Next(3) == 0).Select(p => p.Id)]))
            .ToList();
        var budget = random.Next(0, 4) == 0 ? random.Next(1, 40) + 0.5m : random.Next(1, 120);
        return Election.Create(budget, BallotKind.Approval, projects, ballots);
    }

    public static Election Cumulative(Random random)
    {
        var approval = Approval(random);
        var ballots = approval.Ballots
            .Select(b => new Ballot(b.VoterId, b.Projects, [.. b.Projects.Select(_ => (long)random.Next(1, 6))]))
            .ToList();
        return Election.Create(approval.Budget, BallotKind.Cumulative, approval.Projects, ballots);
    }

    /// <summary>
    /// The same election with every cost and the budget multiplied by <paramref name="factor"/>: one
    /// add1 step becomes a small fraction of each voter's share, so the outcome stays the same over long
    /// stretches of shares and the completions work with wide ranges and bisection.
    /// </summary>
    public static Election Scaled(Election election, int factor) => Election.Create(
        election.Budget * factor,
        election.Kind,
        [.. election.Projects.Select(p => p with { Cost = p.Cost * factor })],
        election.Ballots);

    private static decimal Cost(Random random, bool allowFree) => random.Next(10) switch
    {
        0 when allowFree => 0m,
        1 => random.Next(1, 60) + 0.25m,
        _ => random.Next(1, 60),
    };

    /// <summary>Ids that stress string ordering: leading zeros, slashes, plain numbers.</summary>
    private static string ProjectId(Random random, int index) => random.Next(3) switch
    {
        0 => $"0{index}",
        1 => $"P/{index}",
        _ => (index * 7 % 11).ToString(System.Globalization.CultureInfo.InvariantCulture) + $"x{index}",
    };
}
