using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

public sealed class EdgeCaseTests
{
    [Fact]
    public void Someone_no_valid_panel_can_include_gets_probability_zero_and_the_rest_share_fairly()
    {
        var pool = new[] { "a", "b", "b", "b" }.Select((g, i) => Person($"p{i}", g)).ToList();
        var problem = new SortitionProblem(pool, 2, [new Quota("g", "a", 0, 0), new Quota("g", "b", 2, 2)]);

        var result = SortitionEngine.Draw(problem, new DrawOptions { Seed = 4 });

        Assert.Equal(0, result.Probabilities[0], 9);
        Assert.All(result.Probabilities.Skip(1), p => Assert.Equal(2.0 / 3, p, 6));
        Assert.Equal(0, result.MinProbability, 9);
        Assert.DoesNotContain("p0", result.Panel);
    }

    [Fact]
    public void A_panel_as_large_as_the_pool_selects_everyone_with_certainty()
    {
        var pool = new[] { "a", "b", "b" }.Select((g, i) => Person($"p{i}", g)).ToList();
        var problem = new SortitionProblem(pool, 3, [new Quota("g", "a", 1, 1), new Quota("g", "b", 0, 3)]);

        var result = SortitionEngine.Draw(problem, new DrawOptions());

        Assert.All(result.Probabilities, p => Assert.Equal(1, p, 9));
        Assert.Equal(["p0", "p1", "p2"], result.Panel);
    }

    [Fact]
    public void Housemates_with_identical_answers_never_sit_together()
    {
        var pool = Enumerable.Range(0, 6).Select(i => Person($"p{i}", "x", i < 3 ? "flat" : $"house{i}")).ToList();
        var problem = new SortitionProblem(pool, 3, [new Quota("g", "x", 0, 6)]);

        var result = SortitionEngine.Draw(problem, new DrawOptions());

        Assert.Equal(1.0, result.Probabilities.Take(3).Sum(), 6);
        Assert.All(result.Probabilities.Skip(3), p => Assert.Equal(2.0 / 3, p, 6));
        Assert.Empty(Rules.Violations(problem, result.Panel));
    }

    private static Respondent Person(string id, string group, string? household = null) =>
        new(id, new Dictionary<string, string> { ["g"] = group }, household);
}
