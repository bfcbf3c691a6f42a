using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>A signed-in resident comments on a proposal or project, or replies to a comment in its thread.</summary>
public static class PostComment
{
    public sealed record Command(Guid ProcessId, Guid ProjectId, Guid AuthorId, string Body, Guid? ParentId) : ICommand<Posted>;

    public sealed record Request(string Body, Guid? ParentId);

    public sealed record Posted(Guid Id, Guid? ParentId, DateTimeOffset At);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotEmpty().WithMessage("Write your comment.").MaximumLength(2000);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Posted>
    {
        public async ValueTask<Posted> Handle(Command command, CancellationToken cancellationToken)
        {
            var project = await ProposalRules.LoadAsync(db, command.ProcessId, command.ProjectId, cancellationToken);
            if (project.Status == ProposalStatus.Withdrawn)
            {
                throw new NotFoundException("Project", command.ProjectId);
            }

            ProposalRules.EnsureActive(project);
            if (command.ParentId is { } parentId)
            {
                var parent = await db.BudgetComments.AsNoTracking()
                    .SingleOrDefaultAsync(c => c.Id == parentId && c.ProjectId == project.Id, cancellationToken)
                    ?? throw new NotFoundException("Comment", parentId);
                CommentRules.EnsureVisible(parent);
            }

            var now = clock.GetUtcNow();
            var comment = new BudgetComment
            {
                Id = Guid.CreateVersion7(now),
                ProcessId = project.ProcessId,
                ProjectId = project.Id,
                ParentId = command.ParentId,
                AuthorId = command.AuthorId,
                Body = command.Body.Trim(),
                CreatedAt = now,
            };
            db.BudgetComments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            return new Posted(comment.Id, comment.ParentId, now);
        }
    }

    public static RouteGroupBuilder MapPostComment(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/projects/{projectId:guid}/comments", async Task<Created<Posted>> (
                Guid processId, Guid projectId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var posted = await sender.Send(new Command(processId, projectId, CurrentUser.IdOf(user), request.Body, request.ParentId), ct);
                return TypedResults.Created($"/api/processes/{processId}/projects/{projectId}", posted);
            })
            .WithName(nameof(PostComment))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
