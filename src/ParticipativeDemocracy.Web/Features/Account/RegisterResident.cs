using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Account;

/// <summary>
/// A resident signs up with a password, or without one and signs in by e-mailed links. The answer
/// is the same whether or not the address is known, so sign-up cannot be used to probe for accounts.
/// </summary>
public static class RegisterResident
{
    public sealed record Command(string? Email, string? DisplayName, string? Password, PlayerLevel? PlayerLevel) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => l["EmailRequired"])
                .EmailAddress().WithMessage(_ => l["EmailInvalid"]).MaximumLength(254);
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage(_ => l["NameRequired"]).MaximumLength(200);
            RuleFor(c => c.Password).MinimumLength(12).WithMessage(_ => l["PasswordTooShort"])
                .When(c => !string.IsNullOrEmpty(c.Password));
            RuleFor(c => c.PlayerLevel).IsInEnum();
        }
    }

    public sealed class Handler(UserManager<AppUser> users, EmailOutbox outbox, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email!.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                await outbox.EnqueueAsync(email, l["MailAlreadyRegisteredSubject"],
                    string.Format(CultureInfo.CurrentCulture, l["MailAlreadyRegisteredBody"], outbox.Link("/account/email-sign-in")), cancellationToken);
                return Unit.Value;
            }

            var user = new AppUser
            {
                UserName = email,
                Email = email,
                DisplayName = command.DisplayName!.Trim(),
                PlayerLevel = command.PlayerLevel,
                PreferredCulture = CultureInfo.CurrentUICulture.Name,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = string.IsNullOrEmpty(command.Password)
                ? await users.CreateAsync(user)
                : await users.CreateAsync(user, command.Password);
            IdentityFailures.ThrowIfFailed(created, "password");
            IdentityFailures.ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Resident), "email");

            var token = IdentityFailures.EncodeToken(await users.GenerateEmailConfirmationTokenAsync(user));
            var link = outbox.Link($"/account/confirm-email?userId={user.Id}&code={token}");
            await outbox.EnqueueAsync(email, l["MailConfirmSubject"], string.Format(CultureInfo.CurrentCulture, l["MailConfirmBody"], user.DisplayName, link), cancellationToken);
            return Unit.Value;
        }
    }

    public static IEndpointRouteBuilder MapRegisterResident(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/account/residents", async Task<Accepted> (Command command, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(command, ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithName(nameof(RegisterResident))
            .WithTags("Account")
            .ProducesValidationProblem()
            .DisableAntiforgery()
            .AllowAnonymous();
        return app;
    }
}
