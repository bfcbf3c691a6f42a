using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>An officer closes the open round; only closed rounds show results, so no one learns an answer by watching them change.</summary>
public static class CloseHealthCheck
{
    public sealed record Command(Guid ProcessId, Guid CheckId) : ICommand<Closed>;

    public sealed record Closed(Guid Id, int Answers);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Closed>
    {
        public async ValueTask<Closed> Handle(Command command, CancellationToken cancellationToken)
        {
            var won = await db.HealthChecks.Where(h => h.Id == command.CheckId && h.ProcessId == command.ProcessId && h.ClosedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.ClosedAt, clock.GetUtcNow()), cancellationToken);
            if (won == 0)
            {
                throw await db.HealthChecks.AnyAsync(h => h.Id == command.CheckId && h.ProcessId == command.ProcessId, cancellationToken)
                    ? new ConflictException("This health check is already closed.")
                    : new NotFoundException("Health check", command.CheckId);
            }

            return new Closed(command.CheckId, await db.HealthCheckAnswers.CountAsync(a => a.HealthCheckId == command.CheckId, cancellationToken));
        }
    }

    public static RouteGroupBuilder MapCloseHealthCheck(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/health-checks/{checkId:guid}/close", async Task<Ok<Closed>> (
                Guid processId, Guid checkId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, checkId), ct)))
            .WithName(nameof(CloseHealthCheck))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
