using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition.Tests.Support;

/// <summary>An independent re-statement of the panel rules, written from the spec rather than the engine.</summary>
internal static class Rules
{
    public static List<string> Violations(SortitionProblem problem, IReadOnlyList<string> panelIds)
    {
        var byId = problem.Pool.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var members = panelIds.Select(id => byId[id]).ToList();
        var violations = new List<string>();
        if (members.Count != problem.PanelSize || panelIds.Distinct().Count() != members.Count)
        {
            violations.Add($"panel has {members.Count} members ({panelIds.Distinct().Count()} distinct)");
        }

        foreach (var quota in problem.Quotas)
        {
            var count = members.Count(m => m.Features[quota.Category] == quota.Value);
            if (count < quota.Min || count > quota.Max)
            {
                violations.Add($"{quota.Label}: {count} not in [{quota.Min},{quota.Max}]");
            }
        }

        var households = members.Where(m => m.Household is not null).GroupBy(m => m.Household).Where(g => g.Count() > 1);
        violations.AddRange(households.Select(g => $"household {g.Key} has {g.Count()} members"));
        return violations;
    }
}
