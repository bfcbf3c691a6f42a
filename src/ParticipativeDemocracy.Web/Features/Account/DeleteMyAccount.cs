using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Account;

/// <summary>
/// A participant deletes their account: profile, roles, tokens and roll verifications go with it.
/// Ballots hold no voter identity (see design.md), so nothing here can delete or reveal one. Staff
/// accounts are closed by an administrator instead, so the audit trail keeps a named actor.
/// </summary>
public static class DeleteMyAccount
{
    public sealed record Command(Guid UserId) : ICommand<Unit>;

    public sealed class Handler(UserManager<AppUser> users) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("User", command.UserId);
            if (await users.IsInRoleAsync(user, Roles.Officer) || await users.IsInRoleAsync(user, Roles.Administrator))
            {
                throw new ForbiddenException("Staff accounts are closed by an administrator.");
            }

            IdentityFailures.ThrowIfFailed(await users.DeleteAsync(user), "userId");
            return Unit.Value;
        }
    }

    public static IEndpointRouteBuilder MapDeleteMyAccount(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/account", async Task<NoContent> (
                HttpContext context, SignInManager<AppUser> signIn, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(Guid.Parse(signIn.UserManager.GetUserId(context.User)!)), ct);
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .WithName(nameof(DeleteMyAccount))
            .WithTags("Account")
            .RequireAuthorization(Policies.SignedIn);
        return app;
    }
}
