using System.Text.Json;

namespace ParticipativeDemocracy.Voting.Tests;

/// <summary>The reference outcomes in TestData/pabulib/expected.json.</summary>
internal static class ExpectedOutcomes
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "pabulib");

    private static readonly Lazy<JsonDocument> _document = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))));

    public static IEnumerable<(string File, string Rule)> All() =>
        _document.Value.RootElement.EnumerateObject()
            .SelectMany(file => file.Value.EnumerateObject().Select(rule => (file.Name, rule.Name)));

    public static JsonElement Get(string file, string rule) => _document.Value.RootElement.GetProperty(file).GetProperty(rule);

    public static CountingOptions Options(string rule) => rule switch
    {
        "greedy_cost" => new(CountingRule.Greedy),
        "greedy_points" => new(CountingRule.Greedy, Utility.Points),
        "mes_cost" => new(CountingRule.EqualShares),
        "mes_cardinality" => new(CountingRule.EqualShares, Utility.Cardinality),
        "mes_points" => new(CountingRule.EqualShares, Utility.Points),
        "mes_cost_add1" => new(CountingRule.EqualShares, Completion: Completion.Add1),
        "mes_cost_add1_greedy" => new(CountingRule.EqualShares, Completion: Completion.Add1Greedy),
        "mes_cost_add1_until_infeasible" => new(CountingRule.EqualShares, Completion: Completion.Add1Full),
        "seq_phragmen" => new(CountingRule.Phragmen),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No mapping for this reference rule."),
    };

    private static readonly Dictionary<string, Election> _elections = [];

    public static Election Election(string file)
    {
        lock (_elections)
        {
            if (!_elections.TryGetValue(file, out var election))
            {
                election = PabulibReader.ReadFile(Path.Combine(Folder, file));
                _elections[file] = election;
            }

            return election;
        }
    }
}
