using System.Text;

namespace ParticipativeDemocracy.Voting.Tests;

public sealed class PabulibRoundTripTests
{
    public static TheoryData<string> Files() => [.. Directory.GetFiles(ExpectedOutcomes.Folder, "*.pb").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Real_files_survive_write_then_read(string file)
    {
        var election = ExpectedOutcomes.Election(file);

        var text = PabulibWriter.Write(election);
        var again = PabulibReader.Parse(text);

        ElectionAssert.Same(election, again);
        Assert.Equal(text, PabulibWriter.Write(again));
    }

    [Fact]
    public void Random_elections_with_awkward_text_survive_write_then_read()
    {
        var random = new Random(99);
        for (var i = 0; i < 200; i++)
        {
            var plain = i % 2 == 0 ? RandomElections.Approval(random) : RandomElections.Cumulative(random);
            var projects = plain.Projects.Select(p => p with { Fields = new Dictionary<string, string> { ["name"] = Awkward(random), ["extra column"] = Awkward(random) } }).ToList();
            var ballots = plain.Ballots.Select(b => b with { Fields = new Dictionary<string, string> { ["district"] = Awkward(random) } }).ToList();
            var election = Election.Create(plain.Budget, plain.Kind, projects, ballots);

            ElectionAssert.Same(election, PabulibReader.Parse(PabulibWriter.Write(election)));
        }
    }

    [Fact]
    public void Reads_a_byte_order_mark_quotes_and_decimal_commas()
    {
        var text = "\uFEFFMETA\nkey;value\nbudget;1000,5\nvote_type;approval\ncomment;\"a \"\"quoted\"\"; value\"\n\nPROJECTS\nproject_id;cost;name\n01;400.25;\"Park; phase II\"\n1;600;x\nVOTES\nvoter_id;vote\nv1;01,1\nv2;\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'))).ToArray());
        using var reader = new StreamReader(stream);

        var election = PabulibReader.Read(reader);

        Assert.Equal(1000.5m, election.Budget);
        Assert.Equal("a \"quoted\"; value", election.MetaValue("comment"));
        Assert.Equal(["01", "1"], election.Projects.Select(p => p.Id));
        Assert.Equal(400.25m, election.Projects[0].Cost);
        Assert.Equal("Park; phase II", election.Projects[0].Name);
        Assert.Empty(election.Ballots[1].Projects);
    }

    private static string Awkward(Random random) => random.Next(5) switch
    {
        0 => "plain",
        1 => "semi;colon",
        2 => "say \"hi\"",
        3 => string.Empty,
        _ => "Zürich – łódź",
    };
}
