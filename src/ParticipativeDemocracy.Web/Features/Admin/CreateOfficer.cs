using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Admin;

/// <summary>
/// An administrator creates an officer account. The officer gets a link to choose a password; at their
/// first sign-in they must enrol an authenticator app before acting as an officer.
/// </summary>
public static class CreateOfficer
{
    public sealed record Command(string? Email, string? DisplayName) : ICommand<Created>;

    public sealed record Created(Guid Id, string Email);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => l["EmailRequired"]).EmailAddress().WithMessage(_ => l["EmailInvalid"]);
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage(_ => l["NameRequired"]).MaximumLength(200);
        }
    }

    public sealed class Handler(UserManager<AppUser> users, EmailOutbox outbox, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Created>
    {
        public async ValueTask<Created> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email!.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                throw new ConflictException("An account with this email address already exists.");
            }

            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = command.DisplayName!.Trim(), CreatedAt = clock.GetUtcNow(),
            };
            Account.IdentityFailures.ThrowIfFailed(await users.CreateAsync(user), "email");
            Account.IdentityFailures.ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Officer), "email");
            var token = Account.IdentityFailures.EncodeToken(await users.GeneratePasswordResetTokenAsync(user));
            var link = outbox.Link($"/account/set-password?userId={user.Id}&code={token}");
            await outbox.EnqueueAsync(email, l["MailOfficerSubject"],
                string.Format(CultureInfo.CurrentCulture, l["MailOfficerBody"], user.DisplayName, link), cancellationToken);
            await audit.RecordAsync(nameof(CreateOfficer), nameof(AppUser), user.Id, before: null,
                new { user.Email, user.DisplayName, Role = Roles.Officer }, cancellationToken);
            return new Created(user.Id, email);
        }
    }

    public static RouteGroupBuilder MapCreateOfficer(this RouteGroupBuilder group)
    {
        group.MapPost("/officers", async Task<Created<Created>> (Command command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return TypedResults.Created($"/api/admin/officers/{created.Id}", created);
            })
            .WithName(nameof(CreateOfficer))
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Administrator);
        return group;
    }
}
