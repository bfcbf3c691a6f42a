using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Benchmarks.Voting;

/// <summary>Finds the Pabulib test data and maps reference rule names to options.</summary>
internal static class PabulibData
{
    private const string RelativeFolder = "tests/ParticipativeDemocracy.Voting.Tests/TestData/pabulib";

    /// <summary>The data folder, found by walking up from the working directory or the binaries (BenchmarkDotNet runs from a generated folder).</summary>
    public static string Folder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativeFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"cannot find {RelativeFolder}; run from the repository");
    }

    public static CountingOptions Options(string rule) => rule switch
    {
        "greedy_cost" => new(CountingRule.Greedy),
        "mes_cost" => new(CountingRule.EqualShares),
        "mes_cardinality" => new(CountingRule.EqualShares, Utility.Cardinality),
        "mes_cost_add1" => new(CountingRule.EqualShares, Completion: Completion.Add1),
        "mes_cost_add1_greedy" => new(CountingRule.EqualShares, Completion: Completion.Add1Greedy),
        "mes_cost_add1_until_infeasible" => new(CountingRule.EqualShares, Completion: Completion.Add1Full),
        "seq_phragmen" => new(CountingRule.Phragmen),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rule."),
    };
}
