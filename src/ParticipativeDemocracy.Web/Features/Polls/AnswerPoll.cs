using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Polls;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>
/// A service user answers, once. The registry records that they answered (and where to send the
/// managers' response); the answer sheet holds no identity and no time, so the two cannot be joined.
/// </summary>
public static class AnswerPoll
{
    public sealed record Command(Guid ProcessId, Guid? UserId, string? Pass, IReadOnlyList<PollAnswer> Answers, string? NotifyEmail)
        : ICommand<Answered>;

    public sealed record Request(IReadOnlyList<PollAnswer> Answers, string? NotifyEmail, string? Pass);

    public sealed record Answered(Guid ProcessId, bool WillBeTold);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Answers).NotNull().WithMessage("Send your answers.");
            RuleFor(c => c.Answers.Count).LessThanOrEqualTo(30).OverridePropertyName("answers").When(c => c.Answers is not null);
            RuleFor(c => c.NotifyEmail).EmailAddress().MaximumLength(256).When(c => !string.IsNullOrWhiteSpace(c.NotifyEmail))
                .WithMessage("Enter an e-mail address like name@example.com, or leave it empty.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, PollAudienceCheck audience, BallotSecrets secrets, AfterCommit afterCommit)
        : ICommandHandler<Command, Answered>
    {
        public async ValueTask<Answered> Handle(Command command, CancellationToken cancellationToken)
        {
            var poll = await PollRules.LoadAsync(db, command.ProcessId, cancellationToken);
            PollRules.EnsureOpen(poll, clock.GetUtcNow());
            var failures = PollAnswerRules.Check(poll.Questions, command.Answers);
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            var who = await audience.IdentifyAsync(poll, command.UserId, command.Pass, cancellationToken);
            var notify = string.IsNullOrWhiteSpace(command.NotifyEmail) ? null : command.NotifyEmail.Trim();
            var key = secrets.ReplacementKey(poll.ProcessId, who.VoterKey);
            var first = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO app."PollRespondents" ("ProcessId", "RespondentKey", "NotifyEmail")
                VALUES ({poll.ProcessId}, {key}, {notify})
                ON CONFLICT ("ProcessId", "RespondentKey") DO NOTHING
                """, cancellationToken);
            if (first == 0)
            {
                throw new ConflictException("You have already answered this poll: each person answers once.");
            }

            var questions = poll.Questions.ToDictionary(q => q.Number);
            db.PollAnswerSheets.Add(new PollAnswerSheet
            {
                // A random id, unlike version-7 ids, says nothing about when the sheet was written.
                Id = Guid.NewGuid(),
                ProcessId = poll.ProcessId,
                PlayerLevel = who.Level,
                Answers = command.Answers.OrderBy(a => a.Question).Select(a => PollAnswerRules.Clean(questions[a.Question], a)).ToList(),
            });
            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new PollAnswered(poll.ProcessId));
            return new Answered(poll.ProcessId, notify is not null);
        }
    }

    public static RouteGroupBuilder MapAnswerPoll(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/responses", async Task<Ok<Answered>> (
                Guid processId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                Guid? userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
                return TypedResults.Ok(await sender.Send(new Command(processId, userId, request.Pass, request.Answers, request.NotifyEmail), ct));
            })
            .WithName(nameof(AnswerPoll))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireVoterRateLimit()
            .AllowAnonymous();
        return group;
    }
}

/// <summary>Raised after an answer commits; the live results coalesce these.</summary>
public sealed record PollAnswered(Guid ProcessId) : INotification;
