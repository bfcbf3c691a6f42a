using System.Numerics;
using System.Runtime.CompilerServices;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// An election prepared for counting under one utility: integer costs, and identical ballots merged
/// into weighted groups (voters with the same ballot are always treated alike by every rule).
/// </summary>
internal sealed class CountingProfile
{
    private static readonly ConditionalWeakTable<Election, Lazy<CountingProfile>[]> Cache = new();

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

    /// <summary>Per project, the groups in <see cref="Supporters"/> as a plain array for hot loops.</summary>
    public int[][] SupporterGroups { get; private set; } = [];

    /// <summary>Per project, the groups that gain from it and what each of their voters gains.</summary>
    public IReadOnlyList<(int Group, long Utility)>[] Supporters { get; private set; } = [];

    /// <summary>
    /// The profile of an election under one utility, built once per election: elections are immutable
    /// records, and grouping tens of thousands of ballots costs more than most counts.
    /// </summary>
    public static CountingProfile For(Election election, Utility utility)
    {
        ArgumentNullException.ThrowIfNull(election);
        var slots = Cache.GetValue(election, e => [.. Enum.GetValues<Utility>().Select(u => new Lazy<CountingProfile>(() => Build(e, u)))]);
        return slots[(int)utility].Value;
    }

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
        var index = new Dictionary<string, int>(ProjectCount, StringComparer.Ordinal);
        for (var i = 0; i < ProjectCount; i++)
        {
            index[Election.Projects[i].Id] = i;
        }

        var groups = new Dictionary<long[], int>(BallotKeyComparer.Instance);
        var weights = new List<long>();
        var supporters = Enumerable.Range(0, ProjectCount).Select(_ => new List<(int, long)>()).ToArray();
        foreach (var ballot in Election.Ballots)
        {
            var key = Key(ballot, index);
            for (var i = 0; i < key.Length; i += 2)
            {
                var (project, value) = ((int)key[i], key[i + 1]);
                Votes[project]++;
                Scores[project] += value;
            }

            if (groups.TryGetValue(key, out var group))
            {
                weights[group]++;
                continue;
            }

            groups[key] = weights.Count;
            for (var i = 0; i < key.Length; i += 2)
            {
                var (project, value) = ((int)key[i], key[i + 1]);
                if (value > 0)
                {
                    supporters[project].Add((weights.Count, value));
                }
            }

            weights.Add(1);
        }

        GroupWeights = [.. weights];
        Supporters = supporters;
        SupporterGroups = [.. supporters.Select(s => s.Select(e => e.Item1).ToArray())];
    }

    /// <summary>A ballot's (project, utility) pairs, sorted by project, flattened into one array.</summary>
    private long[] Key(Ballot ballot, Dictionary<string, int> index)
    {
        var projects = new int[ballot.Projects.Count];
        var values = new long[projects.Length];
        for (var i = 0; i < projects.Length; i++)
        {
            projects[i] = index[ballot.Projects[i]];
            values[i] = UtilityAt(ballot, i);
        }

        Array.Sort(projects, values);
        var key = new long[2 * projects.Length];
        for (var i = 0; i < projects.Length; i++)
        {
            (key[2 * i], key[(2 * i) + 1]) = (projects[i], values[i]);
        }

        return key;
    }

    private long UtilityAt(Ballot ballot, int position)
    {
        if (Utility != Utility.Points || Election.Kind is BallotKind.Approval or BallotKind.ChooseOne)
        {
            return 1;
        }

        return Election.Kind == BallotKind.Ordinal ? ballot.Projects.Count - position - 1 : ballot.Points?[position] ?? 0;
    }
}
