using System.Globalization;
using System.Text.Json;
using ParticipativeDemocracy.Sortition.Csv;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition.Tests.Support;

/// <summary>The shared reference pools, loaded as described by TestData/sortition/expected.json.</summary>
internal static class Pools
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "sortition");

    public static ReferencePool Load(string name, string? quotaFile = null)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")));
        var entry = expected.RootElement.GetProperty(name);
        var files = entry.GetProperty("files");
        var quotas = QuotaCsv.Load(Path.Combine(Folder, quotaFile ?? files.GetProperty("quotas").GetString()!));
        var idColumn = entry.GetProperty("id_column").ValueKind == JsonValueKind.Null ? null : entry.GetProperty("id_column").GetString();
        var addresses = entry.GetProperty("address_columns").ValueKind == JsonValueKind.Null
            ? null
            : entry.GetProperty("address_columns").EnumerateArray().Select(a => a.GetString()!).ToList();
        var pool = RespondentCsv.Load(Path.Combine(Folder, files.GetProperty("pool").GetString()!), quotas,
            new RespondentColumns(idColumn, addresses));
        var problem = new SortitionProblem(pool, entry.GetProperty("panel_size").GetInt32(), quotas);
        return new ReferencePool(problem, entry.GetProperty("leximin_min_probability").GetDouble(),
            entry.GetProperty("legacy_min_probability").GetDouble(), ExpectedProbabilities(name));
    }

    private static Dictionary<string, double> ExpectedProbabilities(string name) =>
        File.ReadAllLines(Path.Combine(Folder, name, "expected_leximin_probabilities.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .ToDictionary(f => f[1], f => double.Parse(f[2], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}

internal sealed record ReferencePool(
    SortitionProblem Problem,
    double LeximinMinimum,
    double LegacyMinimumBound,
    IReadOnlyDictionary<string, double> ExpectedProbabilities);
