using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Benchmarks.Sortition;

/// <summary>
/// A self-selected pool drawn from a synthetic population: volunteering is skewed (older, more educated,
/// more concerned people sign up more), quotas are the population shares of the panel ±15 %, so
/// under-represented groups are scarce — the situation LEXIMIN exists for.
/// </summary>
public static class GeneratedPool
{
    private static readonly (string Name, string[] Values, double[] Population, double[] Volunteering)[] Categories =
    [
        ("gender", ["female", "male"], [0.51, 0.49], [1.0, 0.9]),
        ("age", ["16-29", "30-44", "45-59", "60+"], [0.22, 0.25, 0.26, 0.27], [0.5, 0.8, 1.1, 1.5]),
        ("region", ["north", "south", "east", "west", "centre"], [0.2, 0.2, 0.2, 0.2, 0.2], [0.8, 1.2, 0.9, 1.0, 1.3]),
        ("education", ["none", "school", "vocational", "degree"], [0.2, 0.3, 0.25, 0.25], [0.5, 0.8, 1.0, 1.8]),
        ("concern", ["very", "fairly", "not very", "not at all"], [0.3, 0.4, 0.2, 0.1], [1.6, 1.0, 0.7, 0.4]),
        ("player", ["citizen", "activist", "front-line", "manager", "policy"], [0.8, 0.08, 0.07, 0.03, 0.02], [1.0, 2.5, 1.5, 1.2, 1.0]),
        ("tenure", ["owner", "private renter", "social renter"], [0.6, 0.2, 0.2], [1.3, 0.8, 0.6]),
    ];

    public static SortitionProblem Create(int poolSize, int panelSize, int categoryCount, int seed)
    {
        var random = new Random(seed);
        var categories = Categories.Take(categoryCount).ToList();
        var pool = Enumerable.Range(0, poolSize)
            .Select(i => new Respondent($"g{i:D5}", categories.ToDictionary(c => c.Name, c => Pick(c.Values, Skewed(c), random))))
            .ToList();
        var quotas = categories.SelectMany(c => c.Values.Select((v, i) =>
        {
            var target = c.Population[i] * panelSize;
            return new Quota(c.Name, v, (int)Math.Floor(target * 0.85), (int)Math.Ceiling(target * 1.15));
        })).ToList();
        return new SortitionProblem(pool, panelSize, quotas);
    }

    private static double[] Skewed((string Name, string[] Values, double[] Population, double[] Volunteering) category) =>
        category.Population.Select((p, i) => p * category.Volunteering[i]).ToArray();

    private static string Pick(string[] values, double[] weights, Random random)
    {
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return values[i];
            }
        }

        return values[^1];
    }
}
