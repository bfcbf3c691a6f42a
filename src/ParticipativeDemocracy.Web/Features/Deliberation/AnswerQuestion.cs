using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>The facilitator or an officer records the witness's answer to a juror's question.</summary>
public static class AnswerQuestion
{
    public sealed record Command(Guid QuestionId, string Answer) : ICommand<Guid>;

    public sealed record Request(string Answer);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Answer).NotEmpty().MaximumLength(4000);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var question = await db.WitnessQuestions.SingleOrDefaultAsync(q => q.Id == command.QuestionId, cancellationToken)
                ?? throw new NotFoundException("Question", command.QuestionId);
            question.Answer = command.Answer.Trim();
            question.AnsweredAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return question.Id;
        }
    }

    public static RouteGroupBuilder MapAnswerQuestion(this RouteGroupBuilder group)
    {
        group.MapPut("/questions/{questionId:guid}/answer", async Task<NoContent> (
                Guid questionId, Request request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(questionId, request.Answer), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(AnswerQuestion))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Facilitator);
        return group;
    }
}
