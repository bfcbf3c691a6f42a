using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// An officer starts the draw. The pool and quotas are frozen into the published CSV inputs, the seed
/// recorded (chosen or random), and the sortition engine runs as a background job.
/// </summary>
public static class StartDraw
{
    /// <summary>Seeds stay below 2^53 so every JSON reader keeps them exact.</summary>
    public const long MaxSeed = (1L << 53) - 1;

    public sealed record Command(Guid ProcessId, long? Seed) : ICommand<Started>;

    public sealed record Started(Guid DrawId, long Seed, string InputHash, int PoolSize);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Seed).InclusiveBetween(0, MaxSeed).When(c => c.Seed.HasValue);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, CurrentActor actor, AfterCommit afterCommit, AuditTrail audit)
        : ICommandHandler<Command, Started>
    {
        public async ValueTask<Started> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await JuryGuard.SettingsAsync(db, command.ProcessId, cancellationToken);
            await JuryGuard.LockAsync(db, command.ProcessId, cancellationToken);
            await JuryGuard.EnsureNotDrawnAsync(db, command.ProcessId, "the draw", cancellationToken);
            var quotas = await db.JuryQuotas.Where(q => q.ProcessId == command.ProcessId).ToListAsync(cancellationToken);
            var volunteers = await db.JuryVolunteers.Where(v => v.ProcessId == command.ProcessId).ToListAsync(cancellationToken);
            if (volunteers.Count < settings.PanelSize)
            {
                throw new ConflictException($"The pool has {volunteers.Count} volunteers, fewer than the panel size {settings.PanelSize}.");
            }

            var files = DrawInputs.Build(quotas, volunteers);
            foreach (var volunteer in volunteers)
            {
                volunteer.DrawId = files.DrawIds[volunteer.Id];
            }

            // Only the latest attempt matters once quotas were fixed; the audit log keeps every start.
            await db.JuryDraws.Where(d => d.ProcessId == command.ProcessId && (d.Status == JuryDrawStatus.Infeasible || d.Status == JuryDrawStatus.Failed))
                .ExecuteDeleteAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var draw = new JuryDraw
            {
                Id = Guid.CreateVersion7(now), ProcessId = command.ProcessId, Status = JuryDrawStatus.Queued, Algorithm = settings.Algorithm,
                Seed = command.Seed ?? (long)(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 11),
                PanelSize = settings.PanelSize, CategoriesCsv = files.CategoriesCsv, RespondentsCsv = files.RespondentsCsv,
                InputHash = files.Hash, Progress = "Queued", RequestedBy = actor.Id, RequestedAt = now,
            };
            db.JuryDraws.Add(draw);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                throw new ConflictException("A draw is in progress, so the draw cannot change.");
            }

            await audit.RecordAsync(nameof(StartDraw), nameof(JuryDraw), draw.Id, before: null,
                new { draw.ProcessId, draw.Seed, draw.InputHash, draw.Algorithm, draw.PanelSize, PoolSize = volunteers.Count }, cancellationToken);
            afterCommit.Publish(new JuryDrawRequested(draw.Id));
            return new Started(draw.Id, draw.Seed, draw.InputHash, volunteers.Count);
        }
    }

    public sealed record Body(long? Seed);

    public static RouteGroupBuilder MapStartDraw(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/draws", async Task<Accepted<Started>> (Guid processId, Body? body, ISender sender, CancellationToken ct) =>
            {
                var started = await sender.Send(new Command(processId, body?.Seed), ct);
                return TypedResults.Accepted($"/api/juries/{processId}/draw", started);
            })
            .WithName(nameof(StartDraw))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}

/// <summary>Raised after the draw is committed; the job is enqueued then, never for a rolled-back draw.</summary>
public sealed record JuryDrawRequested(Guid DrawId) : INotification;
