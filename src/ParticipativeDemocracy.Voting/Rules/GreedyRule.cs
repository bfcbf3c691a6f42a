using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// Utilitarian greedy: projects in decreasing order of support (approvals, points or Borda score;
/// support per unit of cost for cardinality utility), each added if it still fits. Projects that do
/// not fit are skipped, not a stop, as in the reference library.
/// </summary>
internal static class GreedyRule
{
    public static CountingResult Count(CountingProfile profile, int[] ranks, CountingOptions options)
    {
        var explanation = new List<string>
        {
            $"Greedy by {ScoreName(profile)}: projects in order of support; each is funded if it still fits in what is left.",
        };
        var selected = new List<int>();
        Fill(profile, ranks, selected, profile.Budget, explanation);
        return ResultFactory.Create(profile, options, selected, explanation);
    }

    /// <summary>Adds projects to <paramref name="selected"/> in greedy order while they fit in <paramref name="remaining"/>.</summary>
    public static void Fill(CountingProfile profile, int[] ranks, List<int> selected, BigInteger remaining, List<string> explanation)
    {
        var taken = selected.ToHashSet();
        foreach (var project in Order(profile, ranks).Where(p => !taken.Contains(p)))
        {
            var cost = profile.Costs[project];
            var line = $"{profile.Id(project)} ({profile.Election.Projects[project].Name}): {profile.Scores[project]} {ScoreUnit(profile)}, cost {Money(profile, cost)}";
            if (cost <= remaining)
            {
                remaining -= cost;
                selected.Add(project);
                explanation.Add($"  funded   {line}; {Money(profile, remaining)} left");
            }
            else
            {
                explanation.Add($"  rejected {line}; only {Money(profile, remaining)} was left");
            }
        }
    }

    public static int[] Order(CountingProfile profile, int[] ranks)
    {
        var order = Enumerable.Range(0, profile.ProjectCount).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byDensity = CompareDensity(profile, b, a);
            return byDensity != 0 ? byDensity : ranks[a].CompareTo(ranks[b]);
        });
        return order;
    }

    private static int CompareDensity(CountingProfile profile, int a, int b)
    {
        var (numA, denA) = Density(profile, a);
        var (numB, denB) = Density(profile, b);
        return (numA * denB).CompareTo(numB * denA);
    }

    /// <summary>Density as a fraction; a free project with support counts as infinitely dense (den 0, num 1).</summary>
    private static (BigInteger Num, BigInteger Den) Density(CountingProfile profile, int project)
    {
        var score = profile.Scores[project];
        var cost = profile.Costs[project];
        if (profile.Utility != Utility.Cardinality)
        {
            // The reference weighs support by cost, so a free project has no satisfaction and density 0.
            return (cost.IsZero ? BigInteger.Zero : score, BigInteger.One);
        }

        return cost.IsZero ? (score > 0 ? BigInteger.One : BigInteger.Zero, BigInteger.Zero) : (score, cost);
    }

    private static string ScoreName(CountingProfile profile) => profile.Utility switch
    {
        Utility.Cardinality => "votes per unit of cost",
        Utility.Points when profile.Election.Kind == BallotKind.Ordinal => "Borda score",
        Utility.Points when profile.Election.Kind == BallotKind.Cumulative => "total points",
        _ => "number of votes",
    };

    private static string ScoreUnit(CountingProfile profile) =>
        profile.Utility == Utility.Points && profile.Election.Kind is BallotKind.Ordinal or BallotKind.Cumulative ? "points" : "votes";

    private static string Money(CountingProfile profile, BigInteger units) => ScaledMoney.Format(profile.Money.ToDecimal(units));
}
