using ParticipativeDemocracy.Voting;
using Xunit;

namespace ParticipativeDemocracy.Cli.Tests.Tally;

public sealed class CompareCommandTests
{
    [Fact]
    public void Shows_every_main_rule_and_the_voters_served()
    {
        var election = PdRunner.SmallElection();
        var path = PdRunner.WriteTemp(PabulibWriter.Write(election));

        var (exit, output, error) = PdRunner.Run("compare", path);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        foreach (var label in new[] { "greedy", "mes", "mes+add1", "mes+add1-full", "phragmen" })
        {
            Assert.Contains(label, output, StringComparison.Ordinal);
        }

        var served = output.Split('\n').Single(l => l.StartsWith("voters with a funded choice", StringComparison.Ordinal));
        var greedy = BudgetCounter.Count(election, new CountingOptions(CountingRule.Greedy));
        var expected = election.Ballots.Count(b => b.Projects.Any(greedy.Selected.Contains));
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), served.Split(' ', StringSplitOptions.RemoveEmptyEntries)[5]);
    }

    [Fact]
    public void Unreadable_file_fails_cleanly()
    {
        var path = PdRunner.WriteTemp("not a pabulib file");

        var (exit, _, error) = PdRunner.Run("compare", path);

        Assert.NotEqual(0, exit);
        Assert.StartsWith("pd: ", error, StringComparison.Ordinal);
        Assert.Contains("line 1", error, StringComparison.Ordinal);
    }
}
