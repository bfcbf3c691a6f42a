using Mediator;
using Microsoft.AspNetCore.Identity;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Account;

/// <summary>The link in the sign-up e-mail: proves the address; the page then signs the resident in.</summary>
public static class ConfirmEmail
{
    public sealed record Command(Guid UserId, string? Code) : ICommand<AppUser?>;

    public sealed class Handler(UserManager<AppUser> users) : ICommandHandler<Command, AppUser?>
    {
        public async ValueTask<AppUser?> Handle(Command command, CancellationToken cancellationToken)
        {
            var token = IdentityFailures.DecodeToken(command.Code);
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null || token is null)
            {
                return null;
            }

            return (await users.ConfirmEmailAsync(user, token)).Succeeded ? user : null;
        }
    }
}
