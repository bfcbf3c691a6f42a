namespace ParticipativeDemocracy.Voting.Tests;

public sealed class PabulibMalformedTests
{
    private const string Valid = "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\np1;60;One\np2;40;Two\nVOTES\nvoter_id;vote\nv1;p1,p2\nv2;p2\n";

    [Theory]
    [InlineData("p2;40;Two", "p1;40;Two", 8, "duplicate project 'p1'")]
    [InlineData("v2;p2", "v1;p2", 12, "duplicate voter 'v1'")]
    [InlineData("v2;p2", "v2;p9", 12, "unknown project 'p9'")]
    [InlineData("p2;40;Two", "p2;40", 8, "2 columns, the header has 3")]
    [InlineData("p2;40;Two", "p2;forty;Two", 8, "'forty' is not a number")]
    [InlineData("budget;100", "budget;lots", 3, "budget 'lots' is not a number")]
    [InlineData("v1;p1,p2", "v1;p1,p1", 11, "lists project 'p1' twice")]
    [InlineData("vote_type;approval", "vote_type;plurality", 4, "unknown vote_type")]
    [InlineData("p2;40;Two", "p2;-40;Two", 8, "negative")]
    [InlineData("p2;40;Two", "p2;\"40;Two", 8, "never closed")]
    [InlineData("vote_type;approval", "vote_type;choose-1", 11, "chose 2 projects on a choose-1 ballot")]
    public void Errors_name_the_line_and_the_problem(string find, string replace, int line, string problem)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);

        var error = Assert.Throws<PabulibFormatException>(() => PabulibReader.Parse(text));

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_sections_are_reported()
    {
        var error = Assert.Throws<PabulibFormatException>(() => PabulibReader.Parse("META\nkey;value\nbudget;1\n"));

        Assert.Contains("PROJECTS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_files_never_crash_the_reader()
    {
        var random = new Random(5);
        var original = PabulibWriter.Write(ExpectedOutcomes.Election("Netherlands_Assen_2024.pb"));
        for (var i = 0; i < 500; i++)
        {
            var damaged = Damage(original, random);
            try
            {
                var election = PabulibReader.Parse(damaged);
                BudgetCounter.Count(election, new CountingOptions(CountingRule.EqualShares));
            }
            catch (PabulibFormatException ex)
            {
                Assert.True(ex.LineNumber > 0, ex.Message);
            }
        }
    }

    private static string Damage(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            chars[random.Next(chars.Length)] = ";,\"\n0x-."[random.Next(8)];
        }

        return new string(chars);
    }
}
