using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data;
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

    public sealed class Handler(AppDbContext db, RollHasher hasher, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Verified>
    {
        public async ValueTask<Verified> Handle(Command command, CancellationToken cancellationToken)
        {
            var match = hasher.MatchHash(command.Reference!, command.DateOfBirth!.Value, command.Postcode!);
            var entry = await db.VoterRollEntries.AsNoTracking()
                .Where(e => e.RollId == command.RollId && e.MatchHash == match)
                .Join(db.VoterRolls.Where(r => r.Status == VoterRollStatus.Ready), e => e.RollId, r => r.Id, (e, _) => e)
                .SingleOrDefaultAsync(cancellationToken);
            if (entry is null)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("reference", l["RollNoMatch"])]);
            }

            db.RollVerifications.Add(new RollVerification
            {
                Id = Guid.CreateVersion7(), RollId = command.RollId, EntryId = entry.Id, UserId = command.UserId, VerifiedAt = clock.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
            {
                throw new ConflictException(unique.ConstraintName == Data.Configurations.VoterRollConfiguration.OneEntryPerAccount
                    ? l["RollAlreadyVerified"] : l["RollEntryTaken"]);
            }

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
