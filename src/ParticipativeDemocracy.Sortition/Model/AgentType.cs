namespace ParticipativeDemocracy.Sortition;

/// <summary>Interchangeable agents (ascending pool indices) sharing <see cref="QuotaIndices"/>.</summary>
internal sealed record AgentType(IReadOnlyList<int> Members, int[] QuotaIndices, int Household)
{
    public int Size => Members.Count;

    /// <summary>Agents in a shared household stay singletons; the others group by their quota values.</summary>
    public static IReadOnlyList<AgentType> Group(int[][] agentQuotas, int[] householdOf)
    {
        var types = new List<(List<int> Members, int[] Quotas, int Household)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var agent = 0; agent < agentQuotas.Length; agent++)
        {
            if (householdOf[agent] >= 0)
            {
                types.Add(([agent], agentQuotas[agent], householdOf[agent]));
                continue;
            }

            var key = string.Join(',', agentQuotas[agent]);
            if (byKey.TryGetValue(key, out var existing))
            {
                types[existing].Members.Add(agent);
            }
            else
            {
                byKey[key] = types.Count;
                types.Add(([agent], agentQuotas[agent], -1));
            }
        }

        return types.Select(t => new AgentType(t.Members, t.Quotas, t.Household)).ToList();
    }
}
