using Mediator;
using Microsoft.AspNetCore.Identity;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Account;

/// <summary>
/// Uses a sign-in link once: a new security stamp invalidates the token (and every other outstanding
/// link). Opening the link also proves the address, so it confirms an unconfirmed account.
/// </summary>
public static class RedeemSignInLink
{
    public sealed record Command(Guid UserId, string? Code) : ICommand<AppUser?>;

    public sealed class Handler(UserManager<AppUser> users) : ICommandHandler<Command, AppUser?>
    {
        public async ValueTask<AppUser?> Handle(Command command, CancellationToken cancellationToken)
        {
            var token = IdentityFailures.DecodeToken(command.Code);
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null || token is null
                || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, IdentityFailures.SignInLinkPurpose, token)
                || await users.IsInRoleAsync(user, Roles.Officer) || await users.IsInRoleAsync(user, Roles.Administrator))
            {
                return null;
            }

            user.EmailConfirmed = true;
            IdentityFailures.ThrowIfFailed(await users.UpdateSecurityStampAsync(user), "code");
            return user;
        }
    }
}
