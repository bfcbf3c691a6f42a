using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// The public account of a draw: the panel against the quotas, every volunteer's probability (sorted,
/// no names), and the seed and inputs' hash to re-run it with <c>pd draw</c>.
/// </summary>
public static class GetDrawResult
{
    public const int Bins = 10;

    public sealed record Query(Guid? ProcessId, string? Slug = null) : IQuery<DrawResultView>;

    public sealed record DrawResultView(
        Guid ProcessId, string Title, string Slug, string Remit, string Algorithm, long Seed, string InputHash, string Command,
        int PoolSize, int PanelSize, int LotterySize, double MinProbability, double MaxProbability, DateTimeOffset DrawnAt,
        IReadOnlyList<CompositionRow> Composition, IReadOnlyList<double> Probabilities, IReadOnlyList<HistogramBin> Histogram);

    public sealed record CompositionRow(string Category, string Value, int Min, int Max, int Selected, int InPool);

    public sealed record HistogramBin(double From, double To, int Volunteers);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, DrawResultView>
    {
        public async ValueTask<DrawResultView> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await db.Processes.AsNoTracking()
                .Where(p => query.ProcessId != null ? p.Id == query.ProcessId : p.Slug == query.Slug)
                .Where(p => p.Kind == Data.Entities.ProcessKind.CitizensJury)
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Jury", (object?)query.ProcessId ?? query.Slug ?? "");
            var draw = await db.JuryDraws.AsNoTracking()
                .Where(d => d.ProcessId == process.Id && d.Status == JuryDrawStatus.Succeeded)
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Draw of jury", process.Slug);
            var remit = await db.JurySettings.Where(s => s.ProcessId == process.Id).Select(s => s.Remit).SingleAsync(cancellationToken);
            var problem = DrawInputs.Problem(draw.CategoriesCsv, draw.RespondentsCsv, draw.PanelSize);
            var panel = draw.Panel.ToHashSet(StringComparer.Ordinal);
            var composition = problem.Quotas.Select(q => new CompositionRow(q.Category, q.Value, q.Min, q.Max,
                problem.Pool.Count(r => panel.Contains(r.Id) && r.Features[q.Category] == q.Value),
                problem.Pool.Count(r => r.Features[q.Category] == q.Value))).ToList();
            var sorted = draw.Probabilities.Select(p => Math.Round(p, 6)).OrderByDescending(p => p).ToList();
            return new DrawResultView(process.Id, process.Title, process.Slug, remit, draw.Algorithm, draw.Seed, draw.InputHash,
                DrawInputs.Command(draw.PanelSize, draw.Seed, draw.Algorithm), problem.Pool.Count, draw.PanelSize, draw.LotterySize,
                sorted.Count == 0 ? 0 : sorted[^1], sorted.Count == 0 ? 0 : sorted[0], draw.FinishedAt ?? draw.RequestedAt,
                composition, sorted, Histogram(sorted));
        }

        private static List<HistogramBin> Histogram(List<double> probabilities)
        {
            var top = probabilities.Count == 0 ? 1 : Math.Max(probabilities[0], 1e-9);
            var width = top / Bins;
            return Enumerable.Range(0, Bins).Select(b => new HistogramBin(
                Math.Round(b * width, 6), Math.Round((b + 1) * width, 6),
                probabilities.Count(p => Math.Min(Bins - 1, (int)(p / width)) == b))).ToList();
        }
    }

    public static RouteGroupBuilder MapGetDrawResult(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/draw/result", async Task<Ok<DrawResultView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetDrawResult))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}
