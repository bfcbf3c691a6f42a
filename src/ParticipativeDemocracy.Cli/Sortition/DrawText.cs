using System.Globalization;
using System.Text;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Cli.Sortition;

/// <summary>A readable summary: the odds, the panel's composition against every quota, and its members.</summary>
internal static class DrawText
{
    public static string Format(SortitionProblem problem, DrawResult result)
    {
        var text = new StringBuilder();
        var k = problem.PanelSize;
        var n = problem.Pool.Count;
        text.AppendLine(Invariant($"Panel of {k} drawn from {n} respondents by {result.Algorithm.ToString().ToUpperInvariant()}, seed {result.Seed}"));
        text.AppendLine(Invariant($"Lowest selection probability: {result.MinProbability:0.000000} (average k/n = {(double)k / n:0.000000})"));
        if (result.Algorithm == SelectionAlgorithm.Legacy)
        {
            text.AppendLine("(LEGACY probabilities are estimated from repeated draws)");
        }

        text.AppendLine();
        AppendComposition(text, problem, result);
        text.AppendLine();
        text.AppendLine("Members:");
        text.AppendLine(string.Join(", ", result.Panel));
        return text.ToString();
    }

    private static void AppendComposition(StringBuilder text, SortitionProblem problem, DrawResult result)
    {
        var members = result.Panel.ToHashSet(StringComparer.Ordinal);
        var rows = problem.Quotas.Select(q => new[]
        {
            q.Category,
            q.Value,
            Count(problem, q, r => members.Contains(r.Id)),
            q.Min.ToString(CultureInfo.InvariantCulture),
            q.Max.ToString(CultureInfo.InvariantCulture),
            Count(problem, q, _ => true),
        }).Prepend(["category", "value", "panel", "min", "max", "pool"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }
    }

    private static string Count(SortitionProblem problem, Quota quota, Func<Respondent, bool> include) =>
        problem.Pool.Count(r => include(r) && r.Features[quota.Category] == quota.Value).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
