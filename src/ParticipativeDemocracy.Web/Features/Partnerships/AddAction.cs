using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>An officer records an action the partnership agreed: who owns it and by when.</summary>
public static class AddAction
{
    public sealed record Command(Guid ProcessId, string Title, string Owner, DateOnly DueOn, Guid? MeetingId) : ICommand<ActionAdded>;

    public sealed record Request(string Title, string Owner, DateOnly DueOn, Guid? MeetingId);

    public sealed record ActionAdded(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(500);
            RuleFor(c => c.Owner).NotEmpty().WithMessage("Name who owns the action.").MaximumLength(200);
            RuleFor(c => c.DueOn).NotEqual(default(DateOnly)).WithMessage("Give the date the action is due.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, ActionAdded>
    {
        public async ValueTask<ActionAdded> Handle(Command command, CancellationToken cancellationToken)
        {
            await PartnershipRules.LoadAsync(db, command.ProcessId, cancellationToken);
            if (command.MeetingId is { } meetingId
                && !await db.PartnershipMeetings.AnyAsync(m => m.Id == meetingId && m.ProcessId == command.ProcessId, cancellationToken))
            {
                throw new NotFoundException("Meeting", meetingId);
            }

            var now = clock.GetUtcNow();
            var action = new PartnershipAction
            {
                Id = Guid.CreateVersion7(now), ProcessId = command.ProcessId, MeetingId = command.MeetingId, Title = command.Title.Trim(),
                Owner = command.Owner.Trim(), DueOn = command.DueOn, Status = PartnershipActionStatus.NotStarted, UpdatedAt = now,
            };
            db.PartnershipActions.Add(action);
            await db.SaveChangesAsync(cancellationToken);
            return new ActionAdded(action.Id);
        }
    }

    public static RouteGroupBuilder MapAddAction(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/actions", async Task<Created<ActionAdded>> (Guid processId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/partnerships/{processId}",
                    await sender.Send(new Command(processId, request.Title, request.Owner, request.DueOn, request.MeetingId), ct)))
            .WithName(nameof(AddAction))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
