using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>A signed-in person follows (or stops following) a partnership and gets its updates by e-mail.</summary>
public static class FollowPartnership
{
    public sealed record Command(Guid ProcessId, Guid UserId, bool Follow) : ICommand<Following>;

    public sealed record Following(bool IsFollowing);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Following>
    {
        public async ValueTask<Following> Handle(Command command, CancellationToken cancellationToken)
        {
            await PartnershipRules.LoadAsync(db, command.ProcessId, cancellationToken);
            var email = await db.Users.Where(u => u.Id == command.UserId && u.EmailConfirmed).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken)
                        ?? throw new ForbiddenException("Confirm your e-mail address to follow a partnership.");
            if (command.Follow)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO app."PartnershipFollowers" ("ProcessId", "Email", "FollowedAt") VALUES ({command.ProcessId}, {email}, {clock.GetUtcNow()})
                    ON CONFLICT DO NOTHING
                    """, cancellationToken);
            }
            else
            {
                await db.PartnershipFollowers.Where(f => f.ProcessId == command.ProcessId && f.Email == email).ExecuteDeleteAsync(cancellationToken);
            }

            return new Following(command.Follow);
        }
    }

    public static RouteGroupBuilder MapFollowPartnership(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/followers", async Task<Ok<Following>> (Guid processId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, UserIdOf(user), true), ct)))
            .WithName(nameof(FollowPartnership))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        group.MapDelete("/{processId:guid}/followers", async Task<Ok<Following>> (Guid processId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, UserIdOf(user), false), ct)))
            .WithName(nameof(FollowPartnership) + "Stop")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }

    private static Guid UserIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : throw new ForbiddenException("Sign in to do this.");
}
