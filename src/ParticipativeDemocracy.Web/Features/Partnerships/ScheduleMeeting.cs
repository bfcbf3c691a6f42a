using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>An officer schedules a meeting with its agenda; followers hear of it.</summary>
public static class ScheduleMeeting
{
    public sealed record Command(Guid ProcessId, string Title, DateTimeOffset HeldAt, string? Agenda) : ICommand<Scheduled>;

    public sealed record Request(string Title, DateTimeOffset HeldAt, string? Agenda);

    public sealed record Scheduled(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.HeldAt).NotEqual(default(DateTimeOffset)).WithMessage("Give the date and time of the meeting.");
            RuleFor(c => c.Agenda).MaximumLength(8000);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, PartnershipUpdates updates) : ICommandHandler<Command, Scheduled>
    {
        public async ValueTask<Scheduled> Handle(Command command, CancellationToken cancellationToken)
        {
            await PartnershipRules.LoadAsync(db, command.ProcessId, cancellationToken);
            var meeting = new PartnershipMeeting
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), ProcessId = command.ProcessId, Title = command.Title.Trim(),
                HeldAt = command.HeldAt, Agenda = command.Agenda?.Trim() ?? string.Empty,
            };
            db.PartnershipMeetings.Add(meeting);
            await db.SaveChangesAsync(cancellationToken);
            await updates.SendAsync(command.ProcessId, $"{meeting.Title} ({meeting.HeldAt:d MMMM yyyy HH:mm} UTC)\n\n{meeting.Agenda}", cancellationToken);
            return new Scheduled(meeting.Id);
        }
    }

    public static RouteGroupBuilder MapScheduleMeeting(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/meetings", async Task<Created<Scheduled>> (Guid processId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/partnerships/{processId}", await sender.Send(new Command(processId, request.Title, request.HeldAt, request.Agenda), ct)))
            .WithName(nameof(ScheduleMeeting))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
