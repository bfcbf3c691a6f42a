using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Processes;

/// <summary>What the public sees of a process in lists and on its page.</summary>
public sealed record ProcessSummary(
    Guid Id,
    string Slug,
    string Title,
    string Summary,
    ProcessKind Kind,
    ProcessStatus Status,
    string Organisation,
    string TimeZone,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    Guid OrganisationId);

internal static class ProcessProjection
{
    public static IQueryable<ProcessSummary> ToSummaries(this IQueryable<Process> processes) =>
        processes.Select(p => new ProcessSummary(
            p.Id, p.Slug, p.Title, p.Summary, p.Kind, p.Status,
            p.Organisation!.Name, p.Organisation.TimeZone, p.OpensAt, p.ClosesAt, p.OrganisationId));
}
