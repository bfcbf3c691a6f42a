using System.Numerics;

namespace ParticipativeDemocracy.Voting.Tests;

/// <summary>
/// Sequential Phragmén in plain exact arithmetic (every load a BigInteger over one shared
/// denominator, every comparison exact): the slow, obvious version the engine must agree with.
/// </summary>
internal sealed class ReferencePhragmen
{
    private readonly CountingProfile _profile;
    private readonly int[] _ranks;
    private readonly BigInteger[] _loads;
    private readonly long[] _support;
    private BigInteger _denominator = BigInteger.One;

    private ReferencePhragmen(CountingProfile profile, int[] ranks)
    {
        _profile = profile;
        _ranks = ranks;
        _loads = new BigInteger[profile.GroupWeights.Length];
        _support = [.. profile.Supporters.Select(s => s.Sum(e => profile.GroupWeights[e.Group]))];
    }

    public static List<string> Select(Election election, CountingOptions options)
    {
        var profile = CountingProfile.Build(election, Utility.Cost);
        var ranks = TieBreaker.Ranks(election.Projects, profile.Votes, options.TieBreak, options.Seed);
        return [.. new ReferencePhragmen(profile, ranks).Select().Select(profile.Id)];
    }

    private List<int> Select()
    {
        var remaining = Enumerable.Range(0, _profile.ProjectCount).Where(p => _profile.Costs[p] <= _profile.Budget).ToList();
        var (selected, left) = (new List<int>(), _profile.Budget);
        while (remaining.Count > 0)
        {
            var tied = Cheapest(remaining);
            var winner = tied.MinBy(p => _ranks[p]);
            if (tied.Any(p => _profile.Costs[p] > left))
            {
                break;
            }

            left -= _profile.Costs[winner];
            selected.Add(winner);
            remaining.Remove(winner);
            Assign(winner);
        }

        return selected;
    }

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

    private (BigInteger Num, BigInteger Den) Load(int p)
    {
        if (_support[p] == 0)
        {
            return (BigInteger.One, BigInteger.Zero);
        }

        var total = _profile.Supporters[p].Aggregate(BigInteger.Zero, (sum, e) => sum + (_profile.GroupWeights[e.Group] * _loads[e.Group]));
        return (total + (_profile.Costs[p] * _denominator), _denominator * _support[p]);
    }

    private void Assign(int winner)
    {
        if (_support[winner] == 0)
        {
            return;
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
    }
}
