using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A signed-in resident follows a jury to be told of the council's responses, or stops following it.</summary>
public static class FollowJury
{
    public sealed record Command(Guid ProcessId, Guid UserId, bool Follow) : ICommand<bool>;

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryAccess.JuryAsync(db, command.ProcessId, cancellationToken);
            if (!command.Follow)
            {
                await db.JuryFollowers.Where(f => f.ProcessId == command.ProcessId && f.UserId == command.UserId)
                    .ExecuteDeleteAsync(cancellationToken);
                return false;
            }

            // Idempotent: following twice is still following once.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO app."JuryFollowers" ("ProcessId", "UserId", "FollowedAt")
                VALUES ({command.ProcessId}, {command.UserId}, {clock.GetUtcNow()})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            return true;
        }
    }

    public static RouteGroupBuilder MapFollowJury(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/followers", async Task<NoContent> (
                Guid processId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(processId, JuryAccess.UserIdOf(user), Follow: true), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(FollowJury))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        group.MapDelete("/{processId:guid}/followers/me", async Task<NoContent> (
                Guid processId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(processId, JuryAccess.UserIdOf(user), Follow: false), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(FollowJury) + "Stop")
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
