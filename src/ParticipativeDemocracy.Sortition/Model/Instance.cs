using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition;

/// <summary>
/// A problem compiled to indices: each agent's quota index per category, households of two or more,
/// and "types" — groups of interchangeable agents (same values, no housemate) that the solvers
/// treat as one integer variable, because leximin gives interchangeable agents equal probability.
/// </summary>
internal sealed class Instance
{
    private Instance(SortitionProblem problem, int[][] agentQuotas, int[] householdOf, IReadOnlyList<AgentType> types)
    {
        Problem = problem;
        AgentQuotas = agentQuotas;
        HouseholdOf = householdOf;
        Types = types;
        HouseholdCount = householdOf.Length == 0 ? 0 : householdOf.Max() + 1;
    }

    public SortitionProblem Problem { get; }

    public int PanelSize => Problem.PanelSize;

    public IReadOnlyList<Quota> Quotas => Problem.Quotas;

    public int AgentCount => AgentQuotas.Length;

    /// <summary>For each agent, the index in <see cref="Quotas"/> of its value in each category.</summary>
    public int[][] AgentQuotas { get; }

    /// <summary>For each agent, its shared household (0..HouseholdCount-1), or -1 when it lives alone.</summary>
    public int[] HouseholdOf { get; }

    public int HouseholdCount { get; }

    public IReadOnlyList<AgentType> Types { get; }

    public static Instance Compile(SortitionProblem problem)
    {
        Validate(problem);
        var quotaIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var q = 0; q < problem.Quotas.Count; q++)
        {
            quotaIndex[problem.Quotas[q].Label] = q;
        }

        var categories = problem.Categories;
        var agentQuotas = problem.Pool
            .Select(r => categories.Select(c => QuotaOf(r, c, quotaIndex)).ToArray())
            .ToArray();
        var householdOf = HouseholdGrouping.Assign(problem.Pool);
        return new Instance(problem, agentQuotas, householdOf, AgentType.Group(agentQuotas, householdOf));
    }

    private static int QuotaOf(Respondent respondent, string category, Dictionary<string, int> quotaIndex) =>
        respondent.Features.TryGetValue(category, out var value) && quotaIndex.TryGetValue($"{category}={value}", out var q)
            ? q
            : throw new SortitionProblemException(
                $"respondent '{respondent.Id}' has no quota for its value '{value}' in category '{category}'");

    private static void Validate(SortitionProblem problem)
    {
        if (problem.PanelSize <= 0)
        {
            throw new SortitionProblemException($"the panel size must be positive, not {problem.PanelSize}");
        }

        if (problem.PanelSize > problem.Pool.Count)
        {
            throw new SortitionProblemException(
                $"the panel size {problem.PanelSize} exceeds the pool of {problem.Pool.Count} respondents");
        }

        var duplicate = problem.Pool.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SortitionProblemException($"respondent id '{duplicate.Key}' occurs twice in the pool");
        }
    }
}
