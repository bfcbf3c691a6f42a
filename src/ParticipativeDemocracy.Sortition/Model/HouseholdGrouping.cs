using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition;

internal static class HouseholdGrouping
{
    /// <summary>Numbers households with two or more members in order of first appearance; -1 for the rest.</summary>
    public static int[] Assign(IReadOnlyList<Respondent> pool)
    {
        var sizes = pool.Where(r => r.Household is not null)
            .GroupBy(r => r.Household!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[pool.Count];
        for (var i = 0; i < pool.Count; i++)
        {
            var key = pool[i].Household;
            if (key is null || sizes[key] < 2)
            {
                result[i] = -1;
                continue;
            }

            if (!numbers.TryGetValue(key, out var number))
            {
                number = numbers.Count;
                numbers[key] = number;
            }

            result[i] = number;
        }

        return result;
    }
}
