using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Account;

/// <summary>
/// E-mails a one-time sign-in link. Officers and administrators never get one: their sign-in needs
/// a second factor. The caller learns nothing about whether the address has an account.
/// </summary>
public static class SendSignInLink
{
    public sealed record Command(string? Email) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => l["EmailRequired"])
                .EmailAddress().WithMessage(_ => l["EmailInvalid"]);
    }

    public sealed class Handler(UserManager<AppUser> users, EmailOutbox outbox, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            if (user is null || await users.IsInRoleAsync(user, Roles.Officer) || await users.IsInRoleAsync(user, Roles.Administrator))
            {
                return Unit.Value;
            }

            var token = IdentityFailures.EncodeToken(
                await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, IdentityFailures.SignInLinkPurpose));
            var link = outbox.Link($"/account/sign-in-link?userId={user.Id}&code={token}");
            await outbox.EnqueueAsync(user.Email!, l["MailSignInLinkSubject"],
                string.Format(CultureInfo.CurrentCulture, l["MailSignInLinkBody"], user.DisplayName, link), cancellationToken);
            return Unit.Value;
        }
    }
}
