namespace ParticipativeDemocracy.Sortition.Legacy;

/// <summary>One greedy pass; returns null when it reaches a dead end.</summary>
internal sealed class LegacyAttempt(Instance instance, SeededRandom random)
{
    private readonly bool[] _available = Enumerable.Repeat(true, instance.AgentCount).ToArray();
    private readonly int[] _availableWith = new int[instance.Quotas.Count];
    private readonly int[] _selectedWith = new int[instance.Quotas.Count];

    public int[]? Run()
    {
        for (var agent = 0; agent < instance.AgentCount; agent++)
        {
            foreach (var q in instance.AgentQuotas[agent])
            {
                _availableWith[q]++;
            }
        }

        foreach (var q in Enumerable.Range(0, _availableWith.Length).Where(q => instance.Quotas[q].Max == 0))
        {
            RemoveAllWith(q);
        }

        var panel = new List<int>(instance.PanelSize);
        while (panel.Count < instance.PanelSize)
        {
            var quota = MostUrgentQuota();
            if (quota < 0)
            {
                return null;
            }

            var agent = PickAvailable(quota);
            panel.Add(agent);
            Select(agent);
        }

        return MinimumsMet() ? panel.ToArray() : null;
    }

    private int MostUrgentQuota()
    {
        var best = -1;
        var bestRatio = double.NegativeInfinity;
        for (var q = 0; q < _availableWith.Length; q++)
        {
            if (_availableWith[q] == 0)
            {
                continue;
            }

            var ratio = (double)(instance.Quotas[q].Min - _selectedWith[q]) / _availableWith[q];
            if (ratio > bestRatio)
            {
                best = q;
                bestRatio = ratio;
            }
        }

        return bestRatio > 1 ? -1 : best;
    }

    private int PickAvailable(int quota)
    {
        var rank = random.NextInt(_availableWith[quota]);
        for (var agent = 0; ; agent++)
        {
            if (_available[agent] && Array.IndexOf(instance.AgentQuotas[agent], quota) >= 0 && rank-- == 0)
            {
                return agent;
            }
        }
    }

    private void Select(int agent)
    {
        Remove(agent);
        var household = instance.HouseholdOf[agent];
        for (var other = 0; household >= 0 && other < instance.AgentCount; other++)
        {
            if (_available[other] && instance.HouseholdOf[other] == household)
            {
                Remove(other);
            }
        }

        foreach (var q in instance.AgentQuotas[agent])
        {
            if (++_selectedWith[q] == instance.Quotas[q].Max)
            {
                RemoveAllWith(q);
            }
        }
    }

    private void RemoveAllWith(int quota)
    {
        for (var other = 0; other < instance.AgentCount; other++)
        {
            if (_available[other] && Array.IndexOf(instance.AgentQuotas[other], quota) >= 0)
            {
                Remove(other);
            }
        }
    }

    private void Remove(int agent)
    {
        _available[agent] = false;
        foreach (var q in instance.AgentQuotas[agent])
        {
            _availableWith[q]--;
        }
    }

    private bool MinimumsMet() =>
        Enumerable.Range(0, _selectedWith.Length).All(q => _selectedWith[q] >= instance.Quotas[q].Min);
}
