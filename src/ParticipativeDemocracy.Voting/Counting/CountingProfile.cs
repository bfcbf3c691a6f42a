using System.Numerics;
using System.Text;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// An election prepared for counting under one utility: integer costs, and identical ballots merged
/// into weighted groups (voters with the same ballot are always treated alike by every rule).
/// </summary>
internal sealed class CountingProfile
{
    private CountingProfile(Election election, Utility utility)
    {
        Election = election;
        Utility = utility;
        Money = ScaledMoney.For(election.Projects.Select(p => p.Cost).Append(election.Budget));
        Costs = [.. election.Projects.Select(p => Money.ToUnits(p.Cost))];
        Budget = Money.ToUnits(election.Budget);
        Voters = election.Ballots.Count;
        Votes = new long[election.Projects.Count];
        Scores = new long[election.Projects.Count];
    }

    public Election Election { get; }

    public Utility Utility { get; }

    public ScaledMoney Money { get; }

    public BigInteger[] Costs { get; }

    public BigInteger Budget { get; }

    public int Voters { get; }

    public int ProjectCount => Costs.Length;

    /// <summary>How many voters listed each project.</summary>
    public long[] Votes { get; }

    /// <summary>Each project's total utility (approvals, points or Borda score).</summary>
    public long[] Scores { get; }

    public long[] GroupWeights { get; private set; } = [];

    /// <summary>Per project, the groups that gain from it and what each of their voters gains.</summary>
    public IReadOnlyList<(int Group, long Utility)>[] Supporters { get; private set; } = [];

    public static CountingProfile Build(Election election, Utility utility)
    {
        ArgumentNullException.ThrowIfNull(election);
        var profile = new CountingProfile(election, utility);
        profile.Group();
        return profile;
    }

    public string Id(int project) => Election.Projects[project].Id;

    private void Group()
    {
        var index = Election.Projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var weights = new List<long>();
        var supporters = Enumerable.Range(0, ProjectCount).Select(_ => new List<(int, long)>()).ToArray();
        foreach (var ballot in Election.Ballots)
        {
            var entries = Utilities(ballot).Select(e => (Project: index[e.Id], e.Utility)).OrderBy(e => e.Project).ToList();
            foreach (var (project, value) in entries)
            {
                Votes[project]++;
                Scores[project] += value;
            }

            var key = Key(entries);
            if (groups.TryGetValue(key, out var group))
            {
                weights[group]++;
                continue;
            }

            groups[key] = weights.Count;
            foreach (var (project, value) in entries.Where(e => e.Utility > 0))
            {
                supporters[project].Add((weights.Count, value));
            }

            weights.Add(1);
        }

        GroupWeights = [.. weights];
        Supporters = supporters;
    }

    private IEnumerable<(string Id, long Utility)> Utilities(Ballot ballot)
    {
        if (Utility != Utility.Points || Election.Kind is BallotKind.Approval or BallotKind.ChooseOne)
        {
            return ballot.Projects.Select(id => (id, 1L));
        }

        return Election.Kind == BallotKind.Ordinal
            ? ballot.Projects.Select((id, position) => (id, (long)(ballot.Projects.Count - position - 1)))
            : ballot.Projects.Select((id, i) => (id, ballot.Points?[i] ?? 0));
    }

    private static string Key(List<(int Project, long Utility)> entries)
    {
        var key = new StringBuilder();
        foreach (var (project, value) in entries)
        {
            key.Append(project).Append(':').Append(value).Append(',');
        }

        return key.ToString();
    }
}
