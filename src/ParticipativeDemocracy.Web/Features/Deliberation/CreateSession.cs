using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>The facilitator plans a session: when, its ordered agenda and how long each speaker may hold the floor.</summary>
public static class CreateSession
{
    public sealed record Command(Guid ProcessId, string Title, DateTimeOffset StartsAt, int SpeakerLimitSeconds, IReadOnlyList<string> Agenda)
        : ICommand<SessionCreated>;

    public sealed record Request(string Title, DateTimeOffset StartsAt, int? SpeakerLimitSeconds, IReadOnlyList<string>? Agenda);

    public sealed record SessionCreated(Guid Id, IReadOnlyList<Guid> AgendaItemIds);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.SpeakerLimitSeconds).InclusiveBetween(15, 1800).WithMessage("Give a speaking time between 15 seconds and 30 minutes.");
            RuleFor(c => c.Agenda).Must(a => a.Count is >= 1 and <= 30).WithMessage("Give the agenda between 1 and 30 items.");
            RuleForEach(c => c.Agenda).NotEmpty().MaximumLength(200);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, SessionCreated>
    {
        public async ValueTask<SessionCreated> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryAccess.JuryAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            var session = new JurySession
            {
                Id = Guid.CreateVersion7(now),
                ProcessId = command.ProcessId,
                Title = command.Title.Trim(),
                StartsAt = command.StartsAt,
                Status = SessionStatus.Planned,
                SpeakerLimitSeconds = command.SpeakerLimitSeconds,
                CreatedAt = now,
            };
            var items = command.Agenda.Select((title, i) => new AgendaItem
            {
                Id = Guid.CreateVersion7(now), SessionId = session.Id, Position = i + 1, Title = title.Trim(),
            }).ToList();
            session.CurrentAgendaItemId = items[0].Id;
            db.JurySessions.Add(session);
            db.AgendaItems.AddRange(items);
            await db.SaveChangesAsync(cancellationToken);
            return new SessionCreated(session.Id, [.. items.Select(i => i.Id)]);
        }
    }

    public static RouteGroupBuilder MapCreateSession(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/sessions", async Task<Created<SessionCreated>> (
                Guid processId, Request request, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new Command(processId, request.Title, request.StartsAt,
                    request.SpeakerLimitSeconds ?? 180, request.Agenda ?? []), ct);
                return TypedResults.Created($"/api/juries/sessions/{created.Id}/room", created);
            })
            .WithName(nameof(CreateSession))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Facilitator);
        return group;
    }
}
