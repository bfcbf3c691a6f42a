using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>
/// A member rates each statement 1–5. That they answered is stored apart from the answer, which carries
/// only their level group and a random id: nothing joins the two, not even a time.
/// </summary>
public static class AnswerHealthCheck
{
    public sealed record Command(Guid ProcessId, Guid CheckId, Guid UserId, IReadOnlyList<int> Scores) : ICommand<Answered>;

    public sealed record Request(IReadOnlyList<int> Scores);

    public sealed record Answered(Guid CheckId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Scores).NotNull().WithMessage("Rate the statements.");
    }

    public sealed class Handler(AppDbContext db) : ICommandHandler<Command, Answered>
    {
        public async ValueTask<Answered> Handle(Command command, CancellationToken cancellationToken)
        {
            var check = await db.HealthChecks.AsNoTracking().SingleOrDefaultAsync(h => h.Id == command.CheckId && h.ProcessId == command.ProcessId, cancellationToken)
                        ?? throw new NotFoundException("Health check", command.CheckId);
            if (check.ClosedAt is not null)
            {
                throw new ConflictException("This health check has closed.");
            }

            var failures = ScoreFailures(check, command.Scores);
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            var email = (await db.Users.Where(u => u.Id == command.UserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken))?.ToLowerInvariant();
            var member = await db.PartnershipMembers.AsNoTracking()
                .SingleOrDefaultAsync(m => m.ProcessId == command.ProcessId && m.Email == email, cancellationToken)
                ?? throw new ForbiddenException("Only members of the partnership take part in its health check.");
            var first = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO app."HealthCheckParticipations" ("HealthCheckId", "MemberId") VALUES ({check.Id}, {member.Id})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            if (first == 0)
            {
                throw new ConflictException("You have already answered this health check.");
            }

            db.HealthCheckAnswers.Add(new HealthCheckAnswer
            {
                // Random, not version 7: the id must not tell when, or in what order, members answered.
                Id = Guid.NewGuid(),
                HealthCheckId = check.Id,
                Level = PartnershipRules.SliceOf(member.Level),
                Scores = [.. command.Scores],
            });
            await db.SaveChangesAsync(cancellationToken);
            return new Answered(check.Id);
        }

        private static List<ValidationFailure> ScoreFailures(HealthCheck check, IReadOnlyList<int> scores)
        {
            if (scores.Count != check.Statements.Count)
            {
                return [new ValidationFailure("scores", $"Rate each of the {check.Statements.Count} statements.")];
            }

            return scores.Select((s, i) => (s, i)).Where(x => x.s is < 1 or > 5)
                .Select(x => new ValidationFailure($"scores[{x.i}]", "Choose a rating from 1 to 5.")).ToList();
        }
    }

    public static RouteGroupBuilder MapAnswerHealthCheck(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/health-checks/{checkId:guid}/answers", async Task<Ok<Answered>> (
                Guid processId, Guid checkId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var userId = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : throw new ForbiddenException("Sign in to do this.");
                return TypedResults.Ok(await sender.Send(new Command(processId, checkId, userId, request.Scores), ct));
            })
            .WithName(nameof(AnswerHealthCheck))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
