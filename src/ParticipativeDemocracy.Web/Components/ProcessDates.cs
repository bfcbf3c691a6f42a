using System.Globalization;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Features.Processes;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Components;

/// <summary>Deadlines are stored in UTC and shown in the process's own time zone.</summary>
public static class ProcessDates
{
    public static string Describe(ProcessSummary process, IStringLocalizer<SharedResource> text) => process switch
    {
        { Status: ProcessStatus.Upcoming, OpensAt: { } opens } => Format(text["OpensOn"], opens, process.TimeZone),
        { Status: ProcessStatus.Open, ClosesAt: { } closes } => Format(text["ClosesOn"], closes, process.TimeZone),
        { Status: ProcessStatus.Closed, ClosesAt: { } closed } => Format(text["ClosedOn"], closed, process.TimeZone),
        _ => string.Empty,
    };

    public static DateTimeOffset InZone(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? TimeZoneInfo.ConvertTime(instant, zone)
            : instant;

    private static string Format(string template, DateTimeOffset instant, string timeZone) =>
        string.Format(CultureInfo.CurrentCulture, template,
            InZone(instant, timeZone).ToString("d MMMM yyyy, HH:mm", CultureInfo.CurrentCulture));
}
