using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>An officer publishes a meeting's minutes and the decisions taken; followers are sent the decisions.</summary>
public static class PublishMinutes
{
    public sealed record Command(Guid ProcessId, Guid MeetingId, string Minutes, IReadOnlyList<string> Decisions) : ICommand<Published>;

    public sealed record Request(string Minutes, IReadOnlyList<string>? Decisions);

    public sealed record Published(Guid MeetingId, int FollowersTold);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Minutes).NotEmpty().WithMessage("Write the minutes.").MaximumLength(20000);
            RuleFor(c => c.Decisions).Must(d => d.Count <= 50).WithMessage("At most 50 decisions per meeting.");
            RuleForEach(c => c.Decisions).NotEmpty().MaximumLength(1000);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, PartnershipUpdates updates) : ICommandHandler<Command, Published>
    {
        public async ValueTask<Published> Handle(Command command, CancellationToken cancellationToken)
        {
            var meeting = await db.PartnershipMeetings.SingleOrDefaultAsync(m => m.Id == command.MeetingId && m.ProcessId == command.ProcessId, cancellationToken)
                          ?? throw new NotFoundException("Meeting", command.MeetingId);
            meeting.Minutes = command.Minutes.Trim();
            meeting.Decisions = command.Decisions.Select(d => d.Trim()).ToList();
            meeting.MinutesPublishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var update = $"{meeting.Title}\n\n" + string.Join('\n', meeting.Decisions.Select(d => "- " + d));
            return new Published(meeting.Id, await updates.SendAsync(command.ProcessId, update, cancellationToken));
        }
    }

    public static RouteGroupBuilder MapPublishMinutes(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}/meetings/{meetingId:guid}/minutes", async Task<Ok<Published>> (
                Guid processId, Guid meetingId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, meetingId, request.Minutes, request.Decisions ?? []), ct)))
            .WithName(nameof(PublishMinutes))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
