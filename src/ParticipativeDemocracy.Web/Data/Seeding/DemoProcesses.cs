using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Data.Seeding;

internal static class DemoProcesses
{
    public const string BudgetSlug = "riverside-budget-2027";

    public const string JurySlug = "clean-air-jury";

    public static IEnumerable<Process> For(Guid councilId, DateTimeOffset now)
    {
        yield return Create(councilId, now, ProcessKind.ParticipatoryBudget, BudgetSlug,
            "Riverside community budget 2027",
            "Residents decide how to spend £250,000 on projects across the town, and Riverside residents £80,000 more in their neighbourhood.",
            ProcessStatus.Open, now.AddDays(-7), now.AddDays(14));
        yield return Create(councilId, now, ProcessKind.CitizensJury, JurySlug,
            "Citizens' jury on clean air around schools",
            "Twenty-four residents drawn by lot, with teachers, transport officers and councillors, recommend what to do.",
            ProcessStatus.Upcoming, now.AddDays(10), now.AddDays(60));
        yield return Create(councilId, now, ProcessKind.ServiceUserPoll, "library-opening-hours",
            "Library opening hours poll",
            "Library users tell the library service which opening hours suit them best.",
            ProcessStatus.Open, now.AddDays(-2), now.AddDays(12));
    }

    private static Process Create(
        Guid councilId, DateTimeOffset now, ProcessKind kind, string slug, string title, string summary,
        ProcessStatus status, DateTimeOffset opensAt, DateTimeOffset closesAt) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganisationId = councilId,
        Kind = kind,
        Slug = slug,
        Title = title,
        Summary = summary,
        Status = status,
        OpensAt = opensAt,
        ClosesAt = closesAt,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
