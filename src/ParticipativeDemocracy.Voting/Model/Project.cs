namespace ParticipativeDemocracy.Voting;

/// <summary>A project on the ballot. <paramref name="Fields"/> holds every other column, known or not.</summary>
public sealed record Project(string Id, decimal Cost, IReadOnlyDictionary<string, string> Fields)
{
    public Project(string id, decimal cost)
        : this(id, cost, new Dictionary<string, string>())
    {
    }

    public string Name => Field("name") ?? Id;

    public string? District => Field("district");

    public string? Category => Field("category");

    public string? Field(string column) => Fields.TryGetValue(column, out var value) ? value : null;
}
