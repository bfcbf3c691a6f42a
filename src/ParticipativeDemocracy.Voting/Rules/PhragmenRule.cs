using System.Numerics;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// Sequential Phragmén with exact loads. Each round funds the project whose supporters would end up
/// with the lowest maximum load; it stops (never skips) when a best project no longer fits.
/// Loads are <c>_loads[g] / _denominator</c> in scaled currency units.
/// </summary>
internal sealed class PhragmenRule
{
    private readonly CountingProfile _profile;
    private readonly int[] _ranks;
    private readonly BigInteger[] _loads;
    private readonly long[] _support;
    private BigInteger _denominator = BigInteger.One;

    private PhragmenRule(CountingProfile profile, int[] ranks)
    {
        _profile = profile;
        _ranks = ranks;
        _loads = new BigInteger[profile.GroupWeights.Length];
        _support = [.. profile.Supporters.Select(s => s.Sum(e => profile.GroupWeights[e.Group]))];
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
            var winner = tied.MinBy(p => _ranks[p]);
            if (tied.FirstOrDefault(p => _profile.Costs[p] > left, -1) is var blocked and >= 0)
            {
                explanation.Add($"Stopped: {Describe(blocked)} was next but did not fit in the {Money(_profile.Money.ToDecimal(left))} left.");
                break;
            }

            left -= _profile.Costs[winner];
            selected.Add(winner);
            remaining.Remove(winner);
            explanation.Add(Assign(winner, selected.Count));
        }

        return selected;
    }

    /// <summary>The projects with the exactly smallest new maximum load (all of them if none has supporters).</summary>
    private List<int> Cheapest(List<int> remaining)
    {
        var loads = remaining.ToDictionary(p => p, Load);
        var finite = remaining.Where(p => loads[p].Den > 0).ToList();
        if (finite.Count == 0)
        {
            return remaining;
        }

        var best = loads[finite[0]];
        foreach (var p in finite.Where(p => loads[p].Num * best.Den < best.Num * loads[p].Den))
        {
            best = loads[p];
        }

        return [.. finite.Where(p => loads[p].Num * best.Den == best.Num * loads[p].Den)];
    }

    /// <summary>New maximum load as Num/Den; Den is 0 (infinite) for a project without supporters.</summary>
    private (BigInteger Num, BigInteger Den) Load(int p)
    {
        if (_support[p] == 0)
        {
            return (BigInteger.One, BigInteger.Zero);
        }

        var total = _profile.Supporters[p].Aggregate(BigInteger.Zero, (sum, e) => sum + (_profile.GroupWeights[e.Group] * _loads[e.Group]));
        return (total + (_profile.Costs[p] * _denominator), _denominator * _support[p]);
    }

    private string Assign(int winner, int round)
    {
        if (_support[winner] == 0)
        {
            return $"Round {round}: funded {Describe(winner)}; nobody voted for it, but every supported project was already taken and it fit.";
        }

        var (num, den) = Load(winner);
        var gcd = BigInteger.GreatestCommonDivisor(num, den);
        (num, den) = (num / gcd, den / gcd);
        var common = _denominator * den / BigInteger.GreatestCommonDivisor(_denominator, den);
        var factor = common / _denominator;
        for (var g = 0; g < _loads.Length; g++)
        {
            _loads[g] *= factor;
        }

        _denominator = common;
        foreach (var (g, _) in _profile.Supporters[winner])
        {
            _loads[g] = num * (common / den);
        }

        var load = _profile.Money.Round(num, den);
        return $"Round {round}: funded {Describe(winner)}; each of its {_support[winner]} supporters now carries {Money(load)} in total.";
    }

    private string Describe(int p) =>
        $"{_profile.Id(p)} ({_profile.Election.Projects[p].Name}), cost {Money(_profile.Election.Projects[p].Cost)}";

    private static string Money(decimal amount) => ScaledMoney.Format(amount);

}
