using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Features.Processes;

/// <summary>An officer creates a process, as a draft or published straight away.</summary>
public static class CreateProcess
{
    public sealed record Command(
        Guid OrganisationId,
        ProcessKind Kind,
        string Title,
        string? Summary,
        DateTimeOffset? OpensAt,
        DateTimeOffset? ClosesAt,
        bool Publish) : ICommand<Created>;

    public sealed record Created(Guid Id, string Slug, ProcessStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Summary).MaximumLength(2000);
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.OrganisationId)
                .MustAsync((id, ct) => db.Organisations.AnyAsync(o => o.Id == id, ct))
                .WithMessage("No organisation has this id.");
            RuleFor(c => c.ClosesAt)
                .GreaterThan(c => c.OpensAt).When(c => c.OpensAt.HasValue && c.ClosesAt.HasValue)
                .WithMessage("The closing date must be after the opening date.");
            RuleFor(c => c.OpensAt).NotNull().When(c => c.Publish)
                .WithMessage("A published process needs an opening date.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit, AuditTrail audit) : ICommandHandler<Command, Created>
    {
        public async ValueTask<Created> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var process = new Process
            {
                Id = Guid.CreateVersion7(now),
                OrganisationId = command.OrganisationId,
                Kind = command.Kind,
                Title = command.Title.Trim(),
                Summary = command.Summary?.Trim() ?? string.Empty,
                Slug = await UniqueSlugAsync(command, cancellationToken),
                Status = InitialStatus(command, now),
                OpensAt = command.OpensAt,
                ClosesAt = command.ClosesAt,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Processes.Add(process);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(CreateProcess), nameof(Process), process.Id, before: null,
                new { process.Title, process.Kind, process.Status, process.OpensAt, process.ClosesAt }, cancellationToken);
            afterCommit.Publish(new ProcessChanged(new ProcessChange(process.Id, process.Title, process.Status.ToString(), now)));
            return new Created(process.Id, process.Slug, process.Status);
        }

        private static ProcessStatus InitialStatus(Command command, DateTimeOffset now) => command switch
        {
            { Publish: false } => ProcessStatus.Draft,
            { ClosesAt: { } closes } when closes <= now => ProcessStatus.Closed,
            { OpensAt: { } opens } when opens <= now => ProcessStatus.Open,
            _ => ProcessStatus.Upcoming,
        };

        private async Task<string> UniqueSlugAsync(Command command, CancellationToken cancellationToken)
        {
            var stem = Slugs.From(command.Title);
            var taken = await db.Processes
                .Where(p => p.OrganisationId == command.OrganisationId && p.Slug.StartsWith(stem))
                .Select(p => p.Slug)
                .ToListAsync(cancellationToken);
            var slug = stem;
            for (var n = 2; taken.Contains(slug); n++)
            {
                slug = $"{stem}-{n}";
            }

            return slug;
        }
    }

    public static RouteGroupBuilder MapCreateProcess(this RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<Created<Created>> (Command command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return TypedResults.Created($"/api/processes/{created.Id}", created);
            })
            .WithName(nameof(CreateProcess))
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
