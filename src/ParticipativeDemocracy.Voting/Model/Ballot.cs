namespace ParticipativeDemocracy.Voting;

/// <summary>
/// One voter's ballot. <paramref name="Projects"/> is in ballot order (best first for ordinal and
/// cumulative ballots); <paramref name="Points"/> runs parallel to it for cumulative ballots.
/// An empty ballot still counts as a voter.
/// </summary>
public sealed record Ballot(
    string VoterId,
    IReadOnlyList<string> Projects,
    IReadOnlyList<long>? Points,
    IReadOnlyDictionary<string, string> Fields)
{
    public Ballot(string voterId, IReadOnlyList<string> projects, IReadOnlyList<long>? points = null)
        : this(voterId, projects, points, new Dictionary<string, string>())
    {
    }
}
