using System.Security.Claims;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>Officers and managers download the counts (results.csv) and the free-text answers (free-text.csv).</summary>
public static class ExportPollResults
{
    public sealed record Query(Guid ProcessId, bool FreeText) : IQuery<string>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var poll = await PollRules.LoadAsync(db, query.ProcessId, cancellationToken);
            var sheets = await db.PollAnswerSheets.AsNoTracking().Where(s => s.ProcessId == query.ProcessId).ToListAsync(cancellationToken);
            return query.FreeText ? FreeText(poll, sheets) : Counts(poll, sheets);
        }

        private static string Counts(Poll poll, List<PollAnswerSheet> sheets)
        {
            var rows = new List<IReadOnlyList<object?>> { new object?[] { "question", "kind", "text", "option", "count", "points" } };
            foreach (var q in PollTally.Count(poll.Questions, sheets))
            {
                rows.AddRange(q.Options.Select(o => new object?[] { q.Number, q.Kind.ToString(), q.Text, o.Label, o.Count, o.Points }));
                rows.AddRange(q.Ratings.Select((count, i) => new object?[] { q.Number, q.Kind.ToString(), q.Text, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), count, null }));
                if (q.Kind == PollQuestionKind.FreeText)
                {
                    rows.Add([q.Number, q.Kind.ToString(), q.Text, "answers", q.Answered, null]);
                }
            }

            return PollCsv.Write(rows);
        }

        /// <summary>Sorted by question and text, so the file's order reveals nothing about who answered when.</summary>
        private static string FreeText(Poll poll, List<PollAnswerSheet> sheets)
        {
            var texts = poll.Questions.Where(q => q.Kind == PollQuestionKind.FreeText).ToDictionary(q => q.Number, q => q.Text);
            var rows = new List<IReadOnlyList<object?>> { new object?[] { "question", "text", "answer" } };
            rows.AddRange(sheets.SelectMany(s => s.Answers)
                .Where(a => a.Text is not null && texts.ContainsKey(a.Question))
                .OrderBy(a => a.Question).ThenBy(a => a.Text, StringComparer.Ordinal)
                .Select(a => new object?[] { a.Question, texts[a.Question], a.Text }));
            return PollCsv.Write(rows);
        }
    }

    public static RouteGroupBuilder MapExportPollResults(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/results.csv", (Guid processId, ClaimsPrincipal user, AppDbContext db, ISender sender, CancellationToken ct) =>
                ExportAsync(processId, false, "poll-results.csv", user, db, sender, ct))
            .WithName(nameof(ExportPollResults))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.SignedIn);
        group.MapGet("/{processId:guid}/free-text.csv", (Guid processId, ClaimsPrincipal user, AppDbContext db, ISender sender, CancellationToken ct) =>
                ExportAsync(processId, true, "poll-free-text.csv", user, db, sender, ct))
            .WithName(nameof(ExportPollResults) + "FreeText")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }

    private static async Task<FileContentHttpResult> ExportAsync(
        Guid processId, bool freeText, string name, ClaimsPrincipal user, AppDbContext db, ISender sender, CancellationToken ct)
    {
        PollRules.EnsureOfficerOrManager(await PollRules.LoadAsync(db, processId, ct), user);
        var csv = await sender.Send(new Query(processId, freeText), ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);
    }
}
