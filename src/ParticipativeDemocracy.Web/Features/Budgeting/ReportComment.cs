using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>A resident reports a comment as abusive; it joins the officers' moderation queue. Once per person.</summary>
public static class ReportComment
{
    public sealed record Command(Guid ProcessId, Guid CommentId, Guid ReporterId, string? Reason) : ICommand<Reported>;

    public sealed record Request(string? Reason);

    public sealed record Reported(Guid CommentId, bool Counted);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Reported>
    {
        public async ValueTask<Reported> Handle(Command command, CancellationToken cancellationToken)
        {
            var comment = await CommentRules.LoadAsync(db, command.ProcessId, command.CommentId, cancellationToken);
            CommentRules.EnsureVisible(comment);
            var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
            var added = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO app."CommentReports" ("CommentId", "ReporterId", "Reason", "CreatedAt")
                VALUES ({comment.Id}, {command.ReporterId}, {reason}, {clock.GetUtcNow()})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            if (added > 0)
            {
                await db.BudgetComments.Where(c => c.Id == comment.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.OpenReports, c => c.OpenReports + 1), cancellationToken);
            }

            return new Reported(comment.Id, added > 0);
        }
    }

    public static RouteGroupBuilder MapReportComment(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/comments/{commentId:guid}/reports", async Task<Ok<Reported>> (
                Guid processId, Guid commentId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, commentId, CurrentUser.IdOf(user), request.Reason), ct)))
            .WithName(nameof(ReportComment))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
