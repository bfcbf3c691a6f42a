using System.Globalization;
using System.Text.Json;
using Xunit;

namespace ParticipativeDemocracy.Cli.Tests.Draw;

public sealed class DrawCommandTests
{
    private const string Quotas = "category,feature,min,max\ngender,f,1,2\ngender,m,1,2\n";
    private const string People = "name,gender,street\nAnn,f,1 Elm\nBob,m,1 Elm\nCat,f,2 Oak\nDan,m,3 Ash\nEve,f,4 Fir\n";

    [Fact]
    public void Json_has_the_documented_shape_and_ids_default_to_row_indices()
    {
        var (exit, output, error) = DrawRunner.Run(Args("--seed", "7", "--format", "json"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["panel", "probabilities", "min_probability", "seed"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("panel").GetArrayLength());
        Assert.Equal(["0", "1", "2", "3", "4"], root.GetProperty("probabilities").EnumerateObject().Select(p => p.Name));
        Assert.Equal(3.0, root.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()), 6);
        Assert.Equal(0.6, root.GetProperty("min_probability").GetDouble(), 6);
        Assert.Equal(7UL, root.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public void Address_columns_keep_housemates_apart_and_the_id_column_names_members()
    {
        for (var seed = 0; seed < 15; seed++)
        {
            var (exit, output, _) = DrawRunner.Run(Args("--seed", seed.ToString(CultureInfo.InvariantCulture), "--format", "json",
                "--id-column", "name", "--address-columns", "street"));

            Assert.Equal(0, exit);
            var panel = JsonDocument.Parse(output).RootElement.GetProperty("panel").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.False(panel.Contains("Ann") && panel.Contains("Bob"), $"seed {seed}: housemates Ann and Bob both drawn");
        }
    }

    [Fact]
    public void The_same_seed_prints_the_same_panel()
    {
        var first = DrawRunner.Run(Args("--seed", "99", "--format", "json")).Output;
        var second = DrawRunner.Run(Args("--seed", "99", "--format", "json")).Output;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Text_shows_the_composition_against_the_quotas()
    {
        var (exit, output, _) = DrawRunner.Run(Args("--seed", "3", "--algorithm", "legacy"));

        Assert.Equal(0, exit);
        Assert.Contains("by LEGACY, seed 3", output, StringComparison.Ordinal);
        var genderRows = output.Split('\n').Where(l => l.StartsWith("gender", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, genderRows.Count);
        Assert.All(genderRows, row => Assert.Matches(@"^gender\s+[fm]\s+[12]\s+1\s+2\s+[23]$", row));
    }

    [Fact]
    public void Leximin_on_the_fixture_reaches_one_in_eleven()
    {
        var (exit, output, _) = DrawRunner.Run("draw", "--categories", DrawRunner.Pool("sf_fixture_22/features.csv"),
            "--respondents", DrawRunner.Pool("sf_fixture_22/candidates.csv"), "--size", "22", "--seed", "1",
            "--id-column", "nationbuilder_id", "--address-columns", "primary_address1,primary_zip", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(1.0 / 11, JsonDocument.Parse(output).RootElement.GetProperty("min_probability").GetDouble(), 4);
    }

    private static string[] Args(params string[] extra) =>
        ["draw", "--categories", DrawRunner.WriteTemp(Quotas), "--respondents", DrawRunner.WriteTemp(People), "--size", "3", .. extra];
}
