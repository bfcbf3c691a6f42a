using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>
/// The jury's public report: the recommendations it adopted, with their votes, and the council's
/// response and progress on each. Also as Markdown and CSV downloads.
/// </summary>
public static class GetJuryReport
{
    public sealed record Query(string Slug) : IQuery<JuryReport>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, JuryReport>
    {
        public async ValueTask<JuryReport> Handle(Query query, CancellationToken cancellationToken)
        {
            var jury = await JuryAccess.JuryBySlugAsync(db, query.Slug, cancellationToken);
            var remit = await db.JurySettings.AsNoTracking().Where(s => s.ProcessId == jury.Id).Select(s => s.Remit)
                .SingleOrDefaultAsync(cancellationToken) ?? jury.Summary;
            var adopted = await db.Recommendations.AsNoTracking()
                .Where(r => r.ProcessId == jury.Id && r.Status == RecommendationStatus.Adopted)
                .OrderBy(r => r.Code).ToListAsync(cancellationToken);
            var ids = adopted.Select(r => r.Id).ToList();
            var responses = await db.RecommendationResponses.AsNoTracking().Where(r => ids.Contains(r.RecommendationId))
                .OrderBy(r => r.RecordedAt).ToListAsync(cancellationToken);
            var items = adopted.Select(r => new ReportItem(r.Id, r.Code, r.Title, r.Text, r.Support, r.Oppose, r.Abstain, r.ThresholdPercent,
                [.. responses.Where(x => x.RecommendationId == r.Id)
                    .Select(x => new ResponseView(x.Kind, x.Decision, x.Text, x.Timeline, x.RecordedAt))])).ToList();
            return new JuryReport(jury.Id, jury.Slug, jury.Title, remit, items);
        }
    }

    public static RouteGroupBuilder MapGetJuryReport(this RouteGroupBuilder group)
    {
        group.MapGet("/{slug}/report", async Task<Ok<JuryReport>> (string slug, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(slug), ct)))
            .WithName(nameof(GetJuryReport))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        group.MapGet("/{slug}/report.md", async Task<FileContentHttpResult> (string slug, ISender sender, CancellationToken ct) =>
            {
                var report = await sender.Send(new Query(slug), ct);
                return TypedResults.File(ReportFormats.Markdown(report), "text/markdown; charset=utf-8", $"{slug}-report.md");
            })
            .WithName(nameof(GetJuryReport) + "Markdown")
            .AllowAnonymous();
        group.MapGet("/{slug}/report.csv", async Task<FileContentHttpResult> (string slug, ISender sender, CancellationToken ct) =>
            {
                var report = await sender.Send(new Query(slug), ct);
                return TypedResults.File(ReportFormats.Csv(report), "text/csv; charset=utf-8", $"{slug}-report.csv");
            })
            .WithName(nameof(GetJuryReport) + "Csv")
            .AllowAnonymous();
        return group;
    }
}
