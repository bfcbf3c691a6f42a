using System.Numerics;

namespace ParticipativeDemocracy.Voting;

internal static class ResultFactory
{
    public static CountingResult Create(CountingProfile profile, CountingOptions options, IReadOnlyList<int> selected, List<string> explanation)
    {
        var total = selected.Aggregate(BigInteger.Zero, (sum, p) => sum + profile.Costs[p]);
        var totalCost = selected.Aggregate(0m, (sum, p) => sum + profile.Election.Projects[p].Cost);
        explanation.Add($"Total: {selected.Count} projects, {ScaledMoney.Format(profile.Money.ToDecimal(total))} of {ScaledMoney.Format(profile.Election.Budget)}.");
        return new CountingResult(options, [.. selected.Select(profile.Id)], totalCost, explanation);
    }
}
