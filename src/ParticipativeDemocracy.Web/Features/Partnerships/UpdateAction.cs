using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>An officer moves an action on (started, done, dropped) with a note; followers are told.</summary>
public static class UpdateAction
{
    public sealed record Command(Guid ProcessId, Guid ActionId, PartnershipActionStatus Status, string? Note) : ICommand<ActionUpdated>;

    public sealed record Request(PartnershipActionStatus Status, string? Note);

    public sealed record ActionUpdated(Guid Id, PartnershipActionStatus Status, int FollowersTold);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).IsInEnum();
            RuleFor(c => c.Note).MaximumLength(2000);
            RuleFor(c => c.Note).NotEmpty().When(c => c.Status == PartnershipActionStatus.Dropped)
                .WithMessage("Say why the action was dropped.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, PartnershipUpdates updates) : ICommandHandler<Command, ActionUpdated>
    {
        public async ValueTask<ActionUpdated> Handle(Command command, CancellationToken cancellationToken)
        {
            var action = await db.PartnershipActions.SingleOrDefaultAsync(a => a.Id == command.ActionId && a.ProcessId == command.ProcessId, cancellationToken)
                         ?? throw new NotFoundException("Action", command.ActionId);
            action.Status = command.Status;
            action.Note = string.IsNullOrWhiteSpace(command.Note) ? action.Note : command.Note.Trim();
            action.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var told = await updates.SendAsync(command.ProcessId, $"{action.Title}: {action.Status}\n{action.Note}", cancellationToken);
            return new ActionUpdated(action.Id, action.Status, told);
        }
    }

    public static RouteGroupBuilder MapUpdateAction(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}/actions/{actionId:guid}", async Task<Ok<ActionUpdated>> (
                Guid processId, Guid actionId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, actionId, request.Status, request.Note), ct)))
            .WithName(nameof(UpdateAction))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
