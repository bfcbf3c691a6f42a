using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Rolls;

/// <summary>
/// At an assisted voting point an officer checks a resident's details against the roll for them.
/// The audit entry names both: the officer as actor, the resident as the person acted for.
/// </summary>
public static class VerifyResidentAtAssistedPoint
{
    public sealed record Command(string? ResidentEmail, Guid RollId, string? Reference, DateOnly? DateOfBirth, string? Postcode) : ICommand<Verified>;

    public sealed record Verified(Guid ResidentId, Guid RollId, string? District);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.ResidentEmail).NotEmpty().WithMessage(_ => l["EmailRequired"]);
            RuleFor(c => c.RollId).NotEmpty().WithMessage(_ => l["RollRequired"]);
            RuleFor(c => c.Reference).NotEmpty().WithMessage(_ => l["ReferenceRequired"]).MaximumLength(64);
            RuleFor(c => c.DateOfBirth).NotNull().WithMessage(_ => l["DateOfBirthRequired"]);
            RuleFor(c => c.Postcode).NotEmpty().WithMessage(_ => l["PostcodeRequired"]).MaximumLength(20);
        }
    }

    public sealed class Handler(UserManager<AppUser> users, RollVerifier verifier, AuditTrail audit) : ICommandHandler<Command, Verified>
    {
        public async ValueTask<Verified> Handle(Command command, CancellationToken cancellationToken)
        {
            var resident = await users.FindByEmailAsync(command.ResidentEmail!.Trim())
                           ?? throw new NotFoundException("Resident", command.ResidentEmail);
            var entry = await verifier.VerifyAsync(resident.Id, command.RollId, command.Reference!, command.DateOfBirth!.Value,
                command.Postcode!, cancellationToken);
            await audit.RecordAsync(nameof(VerifyResidentAtAssistedPoint), nameof(VoterRoll), command.RollId, before: null,
                new { Resident = resident.Id, entry.District }, cancellationToken, onBehalfOf: resident.Id);
            return new Verified(resident.Id, command.RollId, entry.District);
        }
    }

    public static RouteGroupBuilder MapVerifyResidentAtAssistedPoint(this RouteGroupBuilder group)
    {
        group.MapPost("/assisted-verifications", async Task<Ok<Verified>> (Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .WithName(nameof(VerifyResidentAtAssistedPoint))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimits.Verification)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
