using ParticipativeDemocracy.Sortition.Feasibility;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

public sealed class ReplacementTests
{
    [Fact]
    public void Replacements_restore_a_panel_that_keeps_every_quota()
    {
        var problem = Pools.Load("sf_fixture_22").Problem;
        var panel = SortitionEngine.Draw(problem, new DrawOptions { Algorithm = SelectionAlgorithm.Legacy, Seed = 5, LegacySamples = 10 }).Panel;
        string[] dropouts = [panel[0], panel[7], panel[15]];

        var result = Replacement.Draw(problem, panel, dropouts, new DrawOptions { Seed = 9 });

        Assert.Equal(3, result.Replacements.Count);
        Assert.Empty(result.Replacements.Intersect(panel));
        Assert.Empty(Rules.Violations(problem, result.Panel));
        Assert.Equal(result.Panel, Replacement.Draw(problem, panel, dropouts, new DrawOptions { Seed = 9 }).Panel);
    }

    [Fact]
    public void A_replacement_never_shares_a_household_with_a_remaining_member()
    {
        Respondent Person(string id, string household) => new(id, new Dictionary<string, string> { ["g"] = "x" }, household);
        var pool = new List<Respondent> { Person("a", "h1"), Person("b", "h2"), Person("c", "h1"), Person("d", "h3") };
        var problem = new SortitionProblem(pool, 2, [new Quota("g", "x", 0, 4)]);

        for (ulong seed = 0; seed < 10; seed++)
        {
            var result = Replacement.Draw(problem, ["a", "b"], ["b"], new DrawOptions { Seed = seed });

            Assert.Equal(["d"], result.Replacements);
        }
    }

    [Fact]
    public void Declined_respondents_are_not_drawn_and_an_impossible_replacement_explains_itself()
    {
        Respondent Person(string id, string gender) => new(id, new Dictionary<string, string> { ["g"] = gender });
        var pool = new List<Respondent> { Person("a", "f"), Person("b", "m"), Person("c", "f"), Person("d", "m"), Person("e", "m") };
        var problem = new SortitionProblem(pool, 2, [new Quota("g", "f", 1, 1), new Quota("g", "m", 1, 1)]);

        var error = Assert.Throws<InfeasibleQuotasException>(() =>
            Replacement.Draw(problem, ["a", "b"], ["a"], new DrawOptions(), unavailable: ["c"]));

        Assert.Contains(error.Relaxation, c => c is { Value: "f", Bound: QuotaBound.Min, From: 1, To: 0 });
    }

    [Fact]
    public void A_drop_out_who_is_not_on_the_panel_is_rejected()
    {
        var problem = Pools.Load("example_small_20").Problem;

        Assert.Throws<SortitionProblemException>(() => Replacement.Draw(problem, ["0", "1"], ["2"], new DrawOptions()));
    }
}
