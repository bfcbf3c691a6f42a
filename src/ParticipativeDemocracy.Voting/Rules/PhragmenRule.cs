using System.Runtime.InteropServices;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// Sequential Phragmén with exact loads. Each round funds the project whose supporters would end up
/// with the lowest maximum load; it stops (never skips) when a best project no longer fits. Every
/// load a group can carry is the new load of some earlier round, so groups point into
/// <see cref="_loads"/>. Candidates are ranked in floating point (all terms are positive, so the
/// relative error is small and bounded) and only those that could tie for the lowest are compared exactly.
/// </summary>
internal sealed class PhragmenRule
{
    private const double Eps = 1.12e-16;
    private readonly CountingProfile _profile;
    private readonly int[] _ranks;
    private readonly long[] _support;
    private readonly double[] _costs;
    private readonly int[] _loadOf;
    private readonly List<Load> _loads = [Load.Zero];
    private readonly List<double> _approx = [0.0];

    private PhragmenRule(CountingProfile profile, int[] ranks)
    {
        _profile = profile;
        _ranks = ranks;
        _loadOf = new int[profile.GroupWeights.Length];
        _costs = [.. profile.Costs.Select(c => (double)c)];
        _support = profile.Votes; // under cost utility every listed project has utility 1
    }

    public static CountingResult Count(CountingProfile profile, int[] ranks, CountingOptions options)
    {
        var rule = new PhragmenRule(profile, ranks);
        var explanation = new List<string>
        {
            "Sequential Phragmén: each funded project's cost is spread over its supporters so that the most loaded supporter carries as little as possible; "
                + "the project that keeps that load lowest is funded next, and counting stops when that project does not fit.",
        };
        return ResultFactory.Create(profile, options, rule.Select(explanation), explanation);
    }

    private List<int> Select(List<string> explanation)
    {
        var remaining = Enumerable.Range(0, _profile.ProjectCount).Where(p => _profile.Costs[p] <= _profile.Budget).ToList();
        var (selected, left) = (new List<int>(), _profile.Budget);
        while (remaining.Count > 0)
        {
            var tied = Cheapest(remaining);
            var winner = tied.MinBy(t => _ranks[t.Project]);
            if (tied.Select(t => t.Project).FirstOrDefault(p => _profile.Costs[p] > left, -1) is var blocked and >= 0)
            {
                explanation.Add($"Stopped: {Describe(blocked)} was next but did not fit in the {Money(_profile.Money.ToDecimal(left))} left.");
                break;
            }

            left -= _profile.Costs[winner.Project];
            selected.Add(winner.Project);
            remaining.Remove(winner.Project);
            explanation.Add(Assign(winner.Project, winner.Load, selected.Count));
        }

        return selected;
    }

    /// <summary>The projects with the exactly smallest new maximum load (all of them if none has supporters), in <paramref name="remaining"/> order.</summary>
    private List<(int Project, Load Load)> Cheapest(List<int> remaining)
    {
        var approx = remaining.Select(Approximate).ToList();
        var finite = Enumerable.Range(0, remaining.Count).Where(i => _support[remaining[i]] > 0).ToList();
        if (finite.Count == 0)
        {
            return [.. remaining.Select(p => (p, Load.Zero))];
        }

        var lowest = finite.Select(i => approx[i]).Where(a => !double.IsNaN(a.Value)).Select(a => a.Value * (1 + a.Error)).DefaultIfEmpty(double.PositiveInfinity).Min();
        var candidates = finite.Where(i => double.IsNaN(approx[i].Value) || approx[i].Value * (1 - approx[i].Error) <= lowest)
            .Select(i => (Project: remaining[i], Load: Exact(remaining[i]))).ToList();
        var best = candidates.MinBy(c => c.Load, Comparer<Load>.Create((a, b) => a.CompareTo(b))).Load;
        return [.. candidates.Where(c => c.Load.CompareTo(best) == 0)];
    }

    /// <summary>The new load in floating point and its relative error bound (NaN when a load is too small to bound).</summary>
    private (double Value, double Error) Approximate(int p)
    {
        var (groups, weights) = (_profile.SupporterGroups[p], _profile.GroupWeights);
        var loads = CollectionsMarshal.AsSpan(_approx);
        var total = 0.0;
        foreach (var g in groups)
        {
            total += weights[g] * loads[_loadOf[g]];
        }

        var value = (total + _costs[p]) / _support[p];
        return (value, (groups.Length + 16) * Eps);
    }

    private Load Exact(int p)
    {
        var weights = new long[_loads.Count];
        foreach (var g in _profile.SupporterGroups[p])
        {
            weights[_loadOf[g]] += _profile.GroupWeights[g];
        }

        var total = new Load(_profile.Costs[p], 1);
        for (var i = 1; i < weights.Length; i++)
        {
            total = weights[i] == 0 ? total : total.Plus(weights[i], _loads[i]);
        }

        return Load.Reduced(total.Num, total.Den * _support[p]);
    }

    private string Assign(int winner, Load load, int round)
    {
        if (_support[winner] == 0)
        {
            return $"Round {round}: funded {Describe(winner)}; nobody voted for it, but every supported project was already taken and it fit.";
        }

        _loads.Add(load);
        _approx.Add(load.ToDouble());
        foreach (var g in _profile.SupporterGroups[winner])
        {
            _loadOf[g] = _loads.Count - 1;
        }

        var amount = _profile.Money.Round(load.Num, load.Den);
        return $"Round {round}: funded {Describe(winner)}; each of its {_support[winner]} supporters now carries {Money(amount)} in total.";
    }

    private string Describe(int p) =>
        $"{_profile.Id(p)} ({_profile.Election.Projects[p].Name}), cost {Money(_profile.Election.Projects[p].Cost)}";

    private static string Money(decimal amount) => ScaledMoney.Format(amount);
}
