using System.Globalization;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition.Tests.Support;

/// <summary>
/// Small random pools whose quotas are built around one random panel, so they are always feasible yet
/// often tight; some pools put respondents into shared households.
/// </summary>
internal static class RandomPools
{
    public static SortitionProblem Create(int seed)
    {
        var random = new Random(seed);
        var size = random.Next(10, 26);
        var k = random.Next(3, Math.Min(9, size / 2));
        var categories = Enumerable.Range(0, random.Next(2, 4))
            .Select(c => (Name: $"c{c}", Values: Enumerable.Range(0, random.Next(2, 4)).Select(v => $"v{v}").ToArray()))
            .ToList();
        var withHouseholds = random.Next(3) == 0;
        var pool = Enumerable.Range(0, size).Select(i => new Respondent(
            $"r{i.ToString(CultureInfo.InvariantCulture)}",
            categories.ToDictionary(c => c.Name, c => c.Values[random.Next(c.Values.Length)]),
            withHouseholds ? $"h{random.Next(size * 2 / 3)}" : null)).ToList();
        var anchor = AnchorPanel(pool, k, random);
        var quotas = categories.SelectMany(c => c.Values.Select(v =>
        {
            var count = anchor.Count(r => r.Features[c.Name] == v);
            return new Quota(c.Name, v, Math.Max(0, count - random.Next(0, 2)), count + random.Next(0, 3));
        })).ToList();
        return new SortitionProblem(pool, k, quotas);
    }

    /// <summary>k respondents from distinct households, so the quotas built on them can be met.</summary>
    private static List<Respondent> AnchorPanel(List<Respondent> pool, int k, Random random)
    {
        var shuffled = pool.OrderBy(_ => random.Next()).ToList();
        var seen = new HashSet<string?>();
        var anchor = shuffled.Where(r => r.Household is null || seen.Add(r.Household)).Take(k).ToList();
        return anchor.Count == k ? anchor : shuffled.Take(k).ToList();
    }
}
