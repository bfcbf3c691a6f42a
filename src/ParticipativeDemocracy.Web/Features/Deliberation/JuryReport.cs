using System.Globalization;
using System.Text;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

public sealed record JuryReport(Guid ProcessId, string Slug, string Title, string Remit, IReadOnlyList<ReportItem> Recommendations);

public sealed record ReportItem(
    Guid Id, string Code, string Title, string Text, int Support, int Oppose, int Abstain, int ThresholdPercent,
    IReadOnlyList<ResponseView> Responses)
{
    public int SupportPercent => Support + Oppose + Abstain == 0 ? 0 : Support * 100 / (Support + Oppose + Abstain);
}

public sealed record ResponseView(ResponseKind Kind, ResponseDecision? Decision, string Text, string? Timeline, DateTimeOffset RecordedAt);

/// <summary>The report as files people can keep: Markdown to read, CSV to analyse.</summary>
public static class ReportFormats
{
    public static byte[] Markdown(JuryReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {report.Title}: report");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"> {report.Remit}");
        foreach (var item in report.Recommendations)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {item.Code}. {item.Title}");
            md.AppendLine();
            md.AppendLine(item.Text);
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Adopted with {item.SupportPercent}% support ({item.Support} for, {item.Oppose} against, {item.Abstain} abstaining; threshold {item.ThresholdPercent}%).");
            foreach (var response in item.Responses)
            {
                md.AppendLine();
                md.AppendLine(response.Kind == ResponseKind.Response
                    ? string.Create(CultureInfo.InvariantCulture, $"**Council response ({response.Decision}, {response.RecordedAt:yyyy-MM-dd}):** {response.Text}")
                    : string.Create(CultureInfo.InvariantCulture, $"**Progress ({response.RecordedAt:yyyy-MM-dd}):** {response.Text}"));
                if (response.Timeline is { Length: > 0 } timeline)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"Timeline: {timeline}");
                }
            }
        }

        return Encoding.UTF8.GetBytes(md.ToString());
    }

    public static byte[] Csv(JuryReport report)
    {
        var csv = new StringBuilder("code,title,recommendation,support,oppose,abstain,threshold_percent,response,reasons,timeline\n");
        foreach (var item in report.Recommendations)
        {
            var response = item.Responses.LastOrDefault(r => r.Kind == ResponseKind.Response);
            csv.AppendJoin(',', Field(item.Code), Field(item.Title), Field(item.Text),
                    item.Support.ToString(CultureInfo.InvariantCulture), item.Oppose.ToString(CultureInfo.InvariantCulture),
                    item.Abstain.ToString(CultureInfo.InvariantCulture), item.ThresholdPercent.ToString(CultureInfo.InvariantCulture),
                    Field(response?.Decision?.ToString() ?? ""), Field(response?.Text ?? ""), Field(response?.Timeline ?? ""))
                .Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Quoted always; a leading =, +, - or @ is neutralised so spreadsheets do not run it as a formula.</summary>
    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
