namespace ParticipativeDemocracy.Voting.Tests;

internal static class ElectionAssert
{
    public static void Same(Election expected, Election actual)
    {
        Assert.Equal(expected.Budget, actual.Budget);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Meta, actual.Meta);
        Assert.Equal(expected.ProjectColumns, actual.ProjectColumns);
        Assert.Equal(expected.VoteColumns, actual.VoteColumns);
        Assert.Equal(expected.Projects.Count, actual.Projects.Count);
        foreach (var (e, a) in expected.Projects.Zip(actual.Projects))
        {
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Cost, a.Cost);
            Assert.Equal(e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), a.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        }

        Assert.Equal(expected.Ballots.Count, actual.Ballots.Count);
        foreach (var (e, a) in expected.Ballots.Zip(actual.Ballots))
        {
            Assert.Equal(e.VoterId, a.VoterId);
            Assert.Equal(e.Projects, a.Projects);
            Assert.Equal(e.Points, a.Points);
            Assert.Equal(e.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), a.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        }
    }
}
