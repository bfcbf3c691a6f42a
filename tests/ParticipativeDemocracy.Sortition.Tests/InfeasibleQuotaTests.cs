using ParticipativeDemocracy.Sortition.Feasibility;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

public sealed class InfeasibleQuotaTests
{
    [Theory]
    [InlineData(SelectionAlgorithm.Leximin)]
    [InlineData(SelectionAlgorithm.Legacy)]
    public void The_infeasible_fixture_suggests_lowering_the_Glasgow_minimum_from_4_to_3(SelectionAlgorithm algorithm)
    {
        var pool = Pools.Load("sf_fixture_22", "sf_fixture_22/features_infeasible.csv");

        var error = Assert.Throws<InfeasibleQuotasException>(() =>
            SortitionEngine.Draw(pool.Problem, new DrawOptions { Algorithm = algorithm }));

        Assert.Equal([new QuotaChange("geo_bucket", "Glasgow", QuotaBound.Min, 4, 3)], error.Relaxation);
        Assert.Contains(error.Conflicts, c => c.Contains("geo_bucket", StringComparison.Ordinal) && c.Contains("23", StringComparison.Ordinal));
        Assert.Contains("lower the minimum of geo_bucket=Glasgow from 4 to 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_the_suggested_fix_makes_the_draw_succeed()
    {
        var pool = Pools.Load("sf_fixture_22", "sf_fixture_22/features_infeasible.csv");
        var error = Assert.Throws<InfeasibleQuotasException>(() => SortitionEngine.Draw(pool.Problem, new DrawOptions()));
        var fixedQuotas = pool.Problem.Quotas.Select(q => Apply(q, error.Relaxation)).ToList();

        var result = SortitionEngine.Draw(pool.Problem with { Quotas = fixedQuotas }, new DrawOptions { Algorithm = SelectionAlgorithm.Legacy, LegacySamples = 10 });

        Assert.Empty(Rules.Violations(pool.Problem with { Quotas = fixedQuotas }, result.Panel));
    }

    [Fact]
    public void A_maximum_too_low_for_the_panel_is_raised()
    {
        var pool = Enumerable.Range(0, 10).Select(i => new Respondent($"{i}", new Dictionary<string, string> { ["g"] = i % 2 == 0 ? "a" : "b" })).ToList();
        var quotas = new List<Quota> { new("g", "a", 0, 2), new("g", "b", 0, 2) };

        var error = Assert.Throws<InfeasibleQuotasException>(() =>
            SortitionEngine.Draw(new SortitionProblem(pool, 5, quotas), new DrawOptions()));

        Assert.Single(error.Relaxation);
        Assert.Equal(QuotaBound.Max, error.Relaxation[0].Bound);
        Assert.Equal(3, error.Relaxation[0].To);
    }

    [Fact]
    public void A_minimum_above_the_supply_is_reported()
    {
        var pool = Enumerable.Range(0, 6).Select(i => new Respondent($"{i}", new Dictionary<string, string> { ["g"] = i == 0 ? "a" : "b" })).ToList();
        var quotas = new List<Quota> { new("g", "a", 2, 3), new("g", "b", 0, 3) };

        var error = Assert.Throws<InfeasibleQuotasException>(() =>
            SortitionEngine.Draw(new SortitionProblem(pool, 3, quotas), new DrawOptions()));

        Assert.Contains(error.Conflicts, c => c.Contains("g=a needs at least 2", StringComparison.Ordinal));
        Assert.Equal([new QuotaChange("g", "a", QuotaBound.Min, 2, 1)], error.Relaxation);
    }

    private static Quota Apply(Quota quota, IReadOnlyList<QuotaChange> changes) =>
        changes.Where(c => c.Category == quota.Category && c.Value == quota.Value)
            .Aggregate(quota, (q, c) => c.Bound == QuotaBound.Min ? q with { Min = c.To } : q with { Max = c.To });
}
