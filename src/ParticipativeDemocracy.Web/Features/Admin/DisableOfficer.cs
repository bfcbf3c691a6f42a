using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Admin;

/// <summary>
/// An administrator disables an officer: locked out for good; the new security stamp ends their open
/// sessions at the next cookie check (Identity validates stamps every 30 minutes).
/// </summary>
public static class DisableOfficer
{
    public sealed record Command(Guid UserId) : ICommand<Unit>;

    public sealed class Handler(UserManager<AppUser> users, AuditTrail audit, CurrentActor actor) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null || !await users.IsInRoleAsync(user, Roles.Officer))
            {
                throw new NotFoundException("Officer", command.UserId);
            }

            if (user.Id == actor.Id)
            {
                throw new ConflictException("You cannot disable your own account.");
            }

            var before = new { user.LockoutEnd };
            Account.IdentityFailures.ThrowIfFailed(await users.SetLockoutEnabledAsync(user, true), "userId");
            Account.IdentityFailures.ThrowIfFailed(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), "userId");
            Account.IdentityFailures.ThrowIfFailed(await users.UpdateSecurityStampAsync(user), "userId");
            await audit.RecordAsync(nameof(DisableOfficer), nameof(AppUser), user.Id, before, new { user.LockoutEnd }, cancellationToken);
            return Unit.Value;
        }
    }

    public static RouteGroupBuilder MapDisableOfficer(this RouteGroupBuilder group)
    {
        group.MapPost("/officers/{userId:guid}/disable", async Task<NoContent> (Guid userId, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(userId), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(DisableOfficer))
            .RequireAuthorization(Policies.Administrator);
        return group;
    }
}
