using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A juror puts a question to a witness; the facilitator or an officer records the answer.</summary>
public static class AskWitness
{
    public sealed record Command(Guid ProcessId, Guid UserId, string WitnessName, string Question) : ICommand<Asked>;

    public sealed record Request(string WitnessName, string Question);

    public sealed record Asked(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.WitnessName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Question).NotEmpty().MaximumLength(2000);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Asked>
    {
        public async ValueTask<Asked> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryAccess.JuryAsync(db, command.ProcessId, cancellationToken);
            var member = await JuryAccess.MemberAsync(db, command.ProcessId, command.UserId, cancellationToken);
            var now = clock.GetUtcNow();
            var question = new WitnessQuestion
            {
                Id = Guid.CreateVersion7(now),
                ProcessId = command.ProcessId,
                WitnessName = command.WitnessName.Trim(),
                Question = command.Question.Trim(),
                AskedById = member.UserId,
                AskedByName = member.DisplayName,
                AskedAt = now,
            };
            db.WitnessQuestions.Add(question);
            await db.SaveChangesAsync(cancellationToken);
            return new Asked(question.Id);
        }
    }

    public static RouteGroupBuilder MapAskWitness(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/questions", async Task<Created<Asked>> (
                Guid processId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var asked = await sender.Send(new Command(processId, JuryAccess.UserIdOf(user), request.WitnessName, request.Question), ct);
                return TypedResults.Created($"/api/juries/{processId}/evidence", asked);
            })
            .WithName(nameof(AskWitness))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
