using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// One proposal or project as the public sees it: supporters, the comment thread (hidden comments
/// show only the moderator's reason) and, once funded, the implementation timeline.
/// </summary>
public static class GetProject
{
    public sealed record Query(Guid ProcessId, Guid ProjectId, Guid? ViewerId) : IQuery<ProjectDetails>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, ProjectDetails>
    {
        public async ValueTask<ProjectDetails> Handle(Query query, CancellationToken cancellationToken)
        {
            var project = await db.BudgetProjects.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Id == query.ProjectId && p.ProcessId == query.ProcessId && p.Status != ProposalStatus.Withdrawn, cancellationToken)
                ?? throw new NotFoundException("Project", query.ProjectId);
            var mergedInto = project.MergedIntoId is { } target
                ? await db.BudgetProjects.Where(p => p.Id == target).Select(p => p.Code).SingleOrDefaultAsync(cancellationToken)
                : null;
            var supporters = await db.ProposalSupports.CountAsync(s => s.ProjectId == project.Id, cancellationToken);
            var viewer = query.ViewerId ?? Guid.Empty;
            var supported = await db.ProposalSupports.AnyAsync(s => s.ProjectId == project.Id && s.UserId == viewer, cancellationToken);
            var following = await db.ProjectFollowers.AnyAsync(f => f.ProjectId == project.Id && f.UserId == viewer, cancellationToken);
            var funded = await ProcessBudgets.SelectedCodesAsync(db, project.ProcessId, cancellationToken) is { } selected && selected.Contains(project.Code);
            var comments = await (
                    from c in db.BudgetComments.AsNoTracking()
                    where c.ProjectId == project.Id
                    join u in db.Users on c.AuthorId equals u.Id into authors
                    from author in authors.DefaultIfEmpty()
                    orderby c.CreatedAt
                    select new CommentView(c.Id, c.ParentId, author == null ? null : author.DisplayName,
                        c.HiddenAt == null ? c.Body : null, c.CreatedAt, c.HiddenAt != null, c.HiddenReason))
                .ToListAsync(cancellationToken);
            var updates = await db.ProjectUpdates.AsNoTracking()
                .Where(u => u.ProjectId == project.Id)
                .OrderBy(u => u.PostedAt)
                .Select(u => new UpdateView(u.Id, u.Status, u.Note, u.Milestone, u.MilestoneDate, u.PostedAt))
                .ToListAsync(cancellationToken);
            return new ProjectDetails(project.Id, project.ProcessId, project.Code, project.Title, project.Description, project.District,
                project.Category, project.BallotCost, project.Status, project.ReviewReason, mergedInto, supporters, supported, following,
                query.ViewerId is not null && project.AuthorId == query.ViewerId, funded, project.ImplementationStatus, comments, updates);
        }
    }

    public static RouteGroupBuilder MapGetProject(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/projects/{projectId:guid}", async Task<Ok<ProjectDetails>> (
                Guid processId, Guid projectId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var viewer = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
                return TypedResults.Ok(await sender.Send(new Query(processId, projectId, viewer), ct));
            })
            .WithName(nameof(GetProject))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}

public sealed record ProjectDetails(
    Guid Id, Guid ProcessId, string Code, string Title, string Description, string? District, string? Category, decimal Cost,
    ProposalStatus Status, string? ReviewReason, string? MergedIntoCode, int Supporters, bool SupportedByViewer, bool FollowedByViewer,
    bool ViewerIsAuthor, bool Funded, ImplementationStatus? ImplementationStatus, IReadOnlyList<CommentView> Comments,
    IReadOnlyList<UpdateView> Updates);

/// <summary>A comment in thread order; <see cref="Body"/> is null once a moderator hid it.</summary>
public sealed record CommentView(
    Guid Id, Guid? ParentId, string? Author, string? Body, DateTimeOffset At, bool Hidden, string? HiddenReason);

public sealed record UpdateView(Guid Id, ImplementationStatus Status, string Note, string? Milestone, DateOnly? MilestoneDate, DateTimeOffset PostedAt);
