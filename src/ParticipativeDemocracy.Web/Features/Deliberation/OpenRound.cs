using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>The facilitator puts a question to the panel with a deadline; a job closes the round when it passes.</summary>
public static class OpenRound
{
    public sealed record Command(Guid ProcessId, string Question, DateTimeOffset ClosesAt) : ICommand<Opened>;

    public sealed record Request(string Question, DateTimeOffset ClosesAt);

    public sealed record Opened(Guid Id, DateTimeOffset ClosesAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Question).NotEmpty().MaximumLength(1000);
            RuleFor(c => c.ClosesAt).Must(at => at > clock.GetUtcNow()).WithMessage("Give a deadline in the future.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Opened>
    {
        public async ValueTask<Opened> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryAccess.JuryAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            var round = new DeliberationRound
            {
                Id = Guid.CreateVersion7(now),
                ProcessId = command.ProcessId,
                Question = command.Question.Trim(),
                ClosesAt = command.ClosesAt,
                CreatedAt = now,
            };
            db.DeliberationRounds.Add(round);
            await db.SaveChangesAsync(cancellationToken);
            return new Opened(round.Id, round.ClosesAt);
        }
    }

    public static RouteGroupBuilder MapOpenRound(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/rounds", async Task<Created<Opened>> (
                Guid processId, Request request, ISender sender, CancellationToken ct) =>
            {
                var opened = await sender.Send(new Command(processId, request.Question, request.ClosesAt), ct);
                return TypedResults.Created($"/api/juries/rounds/{opened.Id}", opened);
            })
            .WithName(nameof(OpenRound))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Facilitator);
        return group;
    }
}
