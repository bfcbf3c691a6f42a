using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>An officer opens a new round of the health check with the partnership's current statements. One open round at a time.</summary>
public static class OpenHealthCheck
{
    public sealed record Command(Guid ProcessId) : ICommand<Opened>;

    public sealed record Opened(Guid Id, int Round, IReadOnlyList<string> Statements);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Opened>
    {
        public async ValueTask<Opened> Handle(Command command, CancellationToken cancellationToken)
        {
            var partnership = await PartnershipRules.LoadAsync(db, command.ProcessId, cancellationToken);
            var checks = await db.HealthChecks.Where(h => h.ProcessId == command.ProcessId).ToListAsync(cancellationToken);
            if (checks.Any(h => h.ClosedAt is null))
            {
                throw new ConflictException("A health check is already open: close it before opening the next.");
            }

            var now = clock.GetUtcNow();
            var check = new HealthCheck
            {
                Id = Guid.CreateVersion7(now), ProcessId = command.ProcessId, Round = checks.Count + 1,
                Statements = [.. partnership.Statements], OpenedAt = now,
            };
            db.HealthChecks.Add(check);
            await db.SaveChangesAsync(cancellationToken);
            return new Opened(check.Id, check.Round, check.Statements);
        }
    }

    public static RouteGroupBuilder MapOpenHealthCheck(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/health-checks", async Task<Created<Opened>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/partnerships/{processId}/health-checks", await sender.Send(new Command(processId), ct)))
            .WithName(nameof(OpenHealthCheck))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
