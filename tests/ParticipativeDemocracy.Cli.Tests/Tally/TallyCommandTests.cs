using System.Text.Json;
using ParticipativeDemocracy.Voting;
using Xunit;

namespace ParticipativeDemocracy.Cli.Tests.Tally;

public sealed class TallyCommandTests
{
    [Theory]
    [InlineData("greedy", "none")]
    [InlineData("mes", "none")]
    [InlineData("mes", "add1")]
    [InlineData("mes", "add1-greedy")]
    [InlineData("mes", "add1-full")]
    [InlineData("phragmen", "none")]
    public void Json_output_matches_the_engine(string rule, string completion)
    {
        var election = PdRunner.SmallElection();
        var path = PdRunner.WriteTemp(PabulibWriter.Write(election));

        var (exit, output, error) = PdRunner.Run("tally", path, "--rule", rule, "--completion", completion, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var expected = BudgetCounter.Count(election, new CountingOptions(
            rule switch { "greedy" => CountingRule.Greedy, "mes" => CountingRule.EqualShares, _ => CountingRule.Phragmen },
            Completion: completion switch { "add1" => Completion.Add1, "add1-greedy" => Completion.Add1Greedy, "add1-full" => Completion.Add1Full, _ => Completion.None }));
        Assert.Equal(rule, json.RootElement.GetProperty("rule").GetString());
        Assert.Equal(expected.Selected, json.RootElement.GetProperty("selected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(expected.TotalCost.ToString(System.Globalization.CultureInfo.InvariantCulture), json.RootElement.GetProperty("total_cost").GetString());
    }

    [Fact]
    public void Text_output_has_a_table_and_an_explanation()
    {
        var path = PdRunner.WriteTemp(PabulibWriter.Write(PdRunner.SmallElection()));

        var (exit, output, _) = PdRunner.Run("tally", path, "--rule", "mes");

        Assert.Equal(0, exit);
        Assert.Contains("project", output, StringComparison.Ordinal);
        Assert.Contains("Total cost: 60 of 100", output, StringComparison.Ordinal);
        Assert.Contains("Round 1: funded a", output, StringComparison.Ordinal);
        Assert.Contains("Not funded: b", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tie_break_and_seed_are_part_of_the_result()
    {
        var path = PdRunner.WriteTemp(PabulibWriter.Write(PdRunner.SmallElection()));

        var (exit, output, _) = PdRunner.Run("tally", path, "--rule", "greedy", "--tie-break", "cost-votes-lot", "--seed", "42", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("cost-votes-lot", json.RootElement.GetProperty("tie_break").GetString());
        Assert.Equal(42, json.RootElement.GetProperty("seed").GetInt32());
    }

    [Fact]
    public void Missing_file_gives_one_line_on_stderr_and_a_failure_code()
    {
        var (exit, output, error) = PdRunner.Run("tally", "/no/such/file.pb", "--rule", "mes");

        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pd: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_file_names_the_line_without_a_stack_trace()
    {
        var text = PabulibWriter.Write(PdRunner.SmallElection()).Replace("a;60", "a;sixty", StringComparison.Ordinal);
        var path = PdRunner.WriteTemp(text);

        var (exit, _, error) = PdRunner.Run("tally", path, "--rule", "greedy");

        Assert.NotEqual(0, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 10", error, StringComparison.Ordinal);
        Assert.Contains("sixty", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_rule_is_rejected()
    {
        var path = PdRunner.WriteTemp(PabulibWriter.Write(PdRunner.SmallElection()));

        var (exit, _, _) = PdRunner.Run("tally", path, "--rule", "borda");

        Assert.NotEqual(0, exit);
    }
}
