using System.Globalization;
using System.Text.RegularExpressions;
using ParticipativeDemocracy.Sortition.Csv;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Benchmarks.Sortition;

/// <summary>The benchmark instances: the reference pools of the sortition tests and generated 2,000-person pools.</summary>
public static partial class SortitionInstances
{
    public static SortitionProblem Load(string name) => name switch
    {
        "example_small_20" => Shared("example_small_20/categories.csv", "example_small_20/respondents.csv", 20, new RespondentColumns()),
        "sf_fixture_22" => Shared("sf_fixture_22/features.csv", "sf_fixture_22/candidates.csv", 22,
            new RespondentColumns("nationbuilder_id", ["primary_address1", "primary_zip"])),
        "synth_hh_40" => Shared("synth_hh_40/categories.csv", "synth_hh_40/respondents.csv", 40,
            new RespondentColumns("id", ["address_line_1", "postcode"])),
        _ when Generated().Match(name) is { Success: true } generated => GeneratedPool.Create(
            Number(generated, "pool"), Number(generated, "panel"), Number(generated, "categories"),
            generated.Groups["seed"].Success ? Number(generated, "seed") : 1),
        _ => throw new ArgumentException($"unknown instance {name}", nameof(name)),
    };

    /// <summary>generated_POOL_PANEL_Ncat, optionally _sSEED for another pool drawn the same way (e.g. generated_2000_100_6cat_s2).</summary>
    [GeneratedRegex(@"^generated_(?<pool>\d+)_(?<panel>\d+)_(?<categories>[1-7])cat(_s(?<seed>\d+))?$")]
    private static partial Regex Generated();

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static SortitionProblem Shared(string quotaFile, string poolFile, int panelSize, RespondentColumns columns)
    {
        var folder = Folder();
        var quotas = QuotaCsv.Load(Path.Combine(folder, quotaFile));
        return new SortitionProblem(RespondentCsv.Load(Path.Combine(folder, poolFile), quotas, columns), panelSize, quotas);
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ParticipativeDemocracy.Sortition.Tests", "TestData", "sortition");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("run the benchmarks from inside the repository");
    }
}
