using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>The moderation queue: visible comments with reports no officer has decided on yet, most reported first.</summary>
public static class ListReportedComments
{
    public sealed record Query : IQuery<IReadOnlyList<ReportedComment>>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<ReportedComment>>
    {
        public async ValueTask<IReadOnlyList<ReportedComment>> Handle(Query query, CancellationToken cancellationToken)
        {
            var queue = await (
                    from c in db.BudgetComments.AsNoTracking()
                    where c.OpenReports > 0 && c.HiddenAt == null
                    join p in db.BudgetProjects on c.ProjectId equals p.Id
                    join pr in db.Processes on c.ProcessId equals pr.Id
                    join u in db.Users on c.AuthorId equals u.Id into authors
                    from author in authors.DefaultIfEmpty()
                    orderby c.OpenReports descending, c.CreatedAt
                    select new ReportedComment(c.Id, c.ProcessId, pr.Title, pr.Slug, p.Code, p.Title,
                        author == null ? null : author.DisplayName, c.Body, c.CreatedAt, c.OpenReports, new List<string>()))
                .Take(200)
                .ToListAsync(cancellationToken);
            var ids = queue.Select(c => c.CommentId).ToList();
            var reasons = await db.CommentReports.AsNoTracking()
                .Where(r => ids.Contains(r.CommentId) && r.Reason != null)
                .OrderBy(r => r.CreatedAt)
                .Select(r => new { r.CommentId, r.Reason })
                .ToListAsync(cancellationToken);
            return queue.Select(c => c with { Reasons = reasons.Where(r => r.CommentId == c.CommentId).Select(r => r.Reason!).ToList() }).ToList();
        }
    }

    public static RouteGroupBuilder MapListReportedComments(this RouteGroupBuilder group)
    {
        group.MapGet("/reported-comments", async Task<Ok<IReadOnlyList<ReportedComment>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName(nameof(ListReportedComments))
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}

public sealed record ReportedComment(
    Guid CommentId, Guid ProcessId, string ProcessTitle, string ProcessSlug, string ProjectCode, string ProjectTitle,
    string? Author, string Body, DateTimeOffset At, int Reports, IReadOnlyList<string> Reasons);
