using System.Globalization;
using ParticipativeDemocracy.Web.Components.Forms;
using ParticipativeDemocracy.Web.Features.Juries;

namespace ParticipativeDemocracy.Web.Components.Pages.Admin.Juries;

/// <summary>The jury settings form: quotas are typed as CSV lines "feature,value,min,max", the shape `pd draw` reads.</summary>
public static class JuryFormValues
{
    public static Dictionary<string, string> From(GetJuryAdmin.JuryAdminView view) => new(StringComparer.Ordinal)
    {
        ["remit"] = view.Remit,
        ["panelSize"] = view.Configured ? view.PanelSize.ToString(CultureInfo.InvariantCulture) : "",
        ["quotas"] = string.Join("\n", view.Quotas.Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Category},{q.Value},{q.Min},{q.Max}"))),
        ["recruitmentOpensAt"] = view.RecruitmentOpensAt is { } opens ? RawForm.ToLocalInput(opens, view.TimeZone) : "",
        ["recruitmentClosesAt"] = view.RecruitmentClosesAt is { } closes ? RawForm.ToLocalInput(closes, view.TimeZone) : "",
        ["responseDays"] = view.ResponseDays.ToString(CultureInfo.InvariantCulture),
        ["algorithm"] = view.Algorithm,
        ["schedule"] = string.Join("\n", (view.Schedule ?? []).Select(s =>
            $"{RawForm.ToLocalInput(s.StartsAt, view.TimeZone).Replace('T', ' ')}, {RawForm.ToLocalInput(s.EndsAt, view.TimeZone)[11..]}, {s.Title}")),
    };

    /// <summary>Schedule lines "2026-12-05 10:00, 16:00, Title": the start, the end the same day, the title, in the council's time zone.</summary>
    public static List<ScheduledSession> Schedule(string text, IDictionary<string, string> errors, string timeZone, string invalidLine)
    {
        var sessions = new List<ScheduledSession>();
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var (line, number) in lines.Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split(',', 3, StringSplitOptions.TrimEntries);
            if (parts.Length != 3
                || !DateTime.TryParseExact(parts[0], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                errors.TryAdd("schedule", string.Format(CultureInfo.CurrentCulture, invalidLine, number));
                continue;
            }

            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
            DateTimeOffset Instant(DateTime local) => new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
            sessions.Add(new ScheduledSession(parts[2], Instant(start), Instant(start.Date + end.ToTimeSpan())));
        }

        return sessions;
    }

    public static ConfigureJury.Command ToCommand(Guid processId, RawForm form, IDictionary<string, string> errors, string timeZone,
        string invalidNumber, string invalidDate, string invalidQuota, string invalidSession)
    {
        var quotas = new List<QuotaLine>();
        var lines = form.Text("quotas").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var (line, number) in lines.Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split(',', StringSplitOptions.TrimEntries);
            if (number == 1 && parts[0] is "category" or "feature")
            {
                continue;
            }

            if (parts.Length != 4 || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var min) || !int.TryParse(parts[3], CultureInfo.InvariantCulture, out var max))
            {
                errors.TryAdd("quotas", string.Format(CultureInfo.CurrentCulture, invalidQuota, number));
                continue;
            }

            quotas.Add(new QuotaLine(parts[0], parts[1], min, max));
        }

        DateTimeOffset? When(string name) => form.Text(name).Length == 0 ? null : form.LocalTime(name, timeZone, invalidDate);
        return new ConfigureJury.Command(processId, form.Text("remit"), form.WholeNumber("panelSize", invalidNumber), quotas,
            When("recruitmentOpensAt"), When("recruitmentClosesAt"), form.WholeNumber("responseDays", invalidNumber),
            form.Text("algorithm").Length == 0 ? "Leximin" : form.Text("algorithm"), Schedule(form.Text("schedule"), errors, timeZone, invalidSession));
    }
}
