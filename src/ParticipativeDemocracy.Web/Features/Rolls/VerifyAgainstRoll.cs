using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Rolls;

/// <summary>
/// A resident proves they are on a roll (reference, date of birth, postcode). One entry backs one
/// account: the unique index on the entry decides between simultaneous attempts, not this code.
/// </summary>
public static class VerifyAgainstRoll
{
    public sealed record Command(Guid UserId, Guid RollId, string? Reference, DateOnly? DateOfBirth, string? Postcode) : ICommand<Verified>;

    public sealed record Verified(Guid RollId, string? District);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.RollId).NotEmpty().WithMessage(_ => l["RollRequired"]);
            RuleFor(c => c.Reference).NotEmpty().WithMessage(_ => l["ReferenceRequired"]).MaximumLength(64);
            RuleFor(c => c.DateOfBirth).NotNull().WithMessage(_ => l["DateOfBirthRequired"]);
            RuleFor(c => c.Postcode).NotEmpty().WithMessage(_ => l["PostcodeRequired"]).MaximumLength(20);
        }
    }

    public sealed class Handler(RollVerifier verifier) : ICommandHandler<Command, Verified>
    {
        public async ValueTask<Verified> Handle(Command command, CancellationToken cancellationToken)
        {
            var entry = await verifier.VerifyAsync(command.UserId, command.RollId, command.Reference!, command.DateOfBirth!.Value,
                command.Postcode!, cancellationToken);
            return new Verified(command.RollId, entry.District);
        }
    }

    public sealed record Body(Guid RollId, string? Reference, DateOnly? DateOfBirth, string? Postcode);

    public static RouteGroupBuilder MapVerifyAgainstRoll(this RouteGroupBuilder group)
    {
        group.MapPost("/verifications", async Task<Ok<Verified>> (
                Body body, HttpContext context, UserManager<AppUser> users, ISender sender, CancellationToken ct) =>
            {
                var userId = Guid.Parse(users.GetUserId(context.User)!);
                return TypedResults.Ok(await sender.Send(new Command(userId, body.RollId, body.Reference, body.DateOfBirth, body.Postcode), ct));
            })
            .WithName(nameof(VerifyAgainstRoll))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimits.Verification)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
