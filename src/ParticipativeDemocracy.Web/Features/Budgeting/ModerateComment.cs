using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// An officer decides on a comment: hide it, with a reason everyone sees in its place, or keep it and
/// clear its reports from the queue. Either way the decision is in the audit log.
/// </summary>
public static class ModerateComment
{
    public sealed record Command(Guid ProcessId, Guid CommentId, bool Hide, string? Reason) : ICommand<Moderated>;

    public sealed record Request(string? Reason);

    public sealed record Moderated(Guid CommentId, bool Hidden, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().When(c => c.Hide)
                .WithMessage("Give the reason for hiding this comment: it is shown in its place.");
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit, CurrentActor actor) : ICommandHandler<Command, Moderated>
    {
        public async ValueTask<Moderated> Handle(Command command, CancellationToken cancellationToken)
        {
            var comment = await CommentRules.LoadAsync(db, command.ProcessId, command.CommentId, cancellationToken);
            CommentRules.EnsureVisible(comment);
            var before = new { comment.OpenReports };
            comment.OpenReports = 0;
            if (command.Hide)
            {
                comment.HiddenAt = clock.GetUtcNow();
                comment.HiddenReason = command.Reason!.Trim();
                comment.HiddenById = actor.Id;
            }

            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(command.Hide ? "HideComment" : "KeepComment", nameof(BudgetComment), comment.Id, before,
                new { comment.ProjectId, Hidden = command.Hide, comment.HiddenReason, comment.Body }, cancellationToken);
            return new Moderated(comment.Id, command.Hide, comment.HiddenReason);
        }
    }

    public static RouteGroupBuilder MapModerateComment(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/comments/{commentId:guid}/hide", async Task<Ok<Moderated>> (
                Guid processId, Guid commentId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, commentId, Hide: true, request.Reason), ct)))
            .WithName("HideComment")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        group.MapPost("/{processId:guid}/comments/{commentId:guid}/keep", async Task<Ok<Moderated>> (
                Guid processId, Guid commentId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, commentId, Hide: false, Reason: null), ct)))
            .WithName("KeepComment")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
