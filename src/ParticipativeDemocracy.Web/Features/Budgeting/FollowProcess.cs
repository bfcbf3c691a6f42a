using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// A signed-in resident asks to be told the results of a budget (or stops). Kept apart from ballots and
/// the voter registry, so asking for updates says nothing about whether or how anyone voted.
/// </summary>
public static class FollowProcess
{
    public sealed record Command(Guid ProcessId, Guid UserId, bool Follow) : ICommand<Following>;

    public sealed record Following(Guid ProcessId, bool Followed);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Following>
    {
        public async ValueTask<Following> Handle(Command command, CancellationToken cancellationToken)
        {
            await BudgetPhase.EnsureBudgetProcessAsync(db, command.ProcessId, cancellationToken);
            if (command.Follow)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO app."ProcessFollowers" ("ProcessId", "UserId", "CreatedAt")
                    VALUES ({command.ProcessId}, {command.UserId}, {clock.GetUtcNow()})
                    ON CONFLICT DO NOTHING
                    """, cancellationToken);
            }
            else
            {
                await db.ProcessFollowers.Where(f => f.ProcessId == command.ProcessId && f.UserId == command.UserId)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            return new Following(command.ProcessId, command.Follow);
        }
    }

    public static RouteGroupBuilder MapFollowProcess(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}/follow", async Task<Ok<Following>> (
                Guid processId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, CurrentUser.IdOf(user), Follow: true), ct)))
            .WithName(nameof(FollowProcess))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        group.MapDelete("/{processId:guid}/follow", async Task<Ok<Following>> (
                Guid processId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, CurrentUser.IdOf(user), Follow: false), ct)))
            .WithName(nameof(FollowProcess) + "Stop")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
