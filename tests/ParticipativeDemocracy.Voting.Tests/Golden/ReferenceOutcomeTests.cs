using System.Globalization;

namespace ParticipativeDemocracy.Voting.Tests;

public sealed class ReferenceOutcomeTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, rule) in ExpectedOutcomes.All())
        {
            data.Add(file, rule);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_rule_matches_the_reference_outcome(string file, string rule)
    {
        var expected = ExpectedOutcomes.Get(file, rule);
        var election = ExpectedOutcomes.Election(file);

        var result = BudgetCounter.Count(election, ExpectedOutcomes.Options(rule));

        var order = expected.GetProperty("selection_order").EnumerateArray().Select(e => e.GetString()!).ToList();
        if (rule == "seq_phragmen")
        {
            // The reference returns Phragmén's winners in id order, so only the set can be compared.
            Assert.Equal(order.Order(StringComparer.Ordinal), result.Selected.Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.Equal(order, result.Selected);
        }

        var total = decimal.Parse(expected.GetProperty("total_cost").GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(total, result.TotalCost);
        Assert.True(result.TotalCost <= election.Budget);
    }

    [Fact]
    public void Reference_data_covers_every_file_and_rule()
    {
        var cases = ExpectedOutcomes.All().ToList();
        Assert.Equal(11, cases.Select(c => c.File).Distinct().Count());
        Assert.Contains(cases, c => c.Rule == "mes_cost_add1_until_infeasible");
    }
}
