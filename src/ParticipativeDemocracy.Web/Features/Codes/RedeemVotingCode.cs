using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Codes;

/// <summary>
/// Someone without an account types the code from their letter. One conditional UPDATE marks it used,
/// so of any number of simultaneous attempts exactly one wins; the winner gets a short-lived voting pass.
/// </summary>
public static class RedeemVotingCode
{
    public sealed record Command(string? Code) : ICommand<Redeemed>;

    public sealed record Redeemed(Guid ProcessId, string? District, string Pass, DateTimeOffset PassExpiresAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Code).NotEmpty().WithMessage(_ => l["CodeRequired"]).MaximumLength(40);
    }

    public sealed class Handler(AppDbContext db, RollHasher hasher, VotingCodes codes, TimeProvider clock, IStringLocalizer<SharedResource> l)
        : ICommandHandler<Command, Redeemed>
    {
        public async ValueTask<Redeemed> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var hash = hasher.CodeHash(command.Code!);
            var won = await db.VotingCodes
                .Where(c => c.CodeHash == hash && c.RedeemedAt == null && c.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RedeemedAt, now), cancellationToken);
            var code = await (from c in db.VotingCodes.AsNoTracking()
                              join b in db.VotingCodeBatches on c.BatchId equals b.Id
                              where c.CodeHash == hash
                              select new { c.Id, c.ProcessId, b.District, c.ExpiresAt })
                .SingleOrDefaultAsync(cancellationToken);
            if (code is null)
            {
                throw new ValidationException([new ValidationFailure("code", l["CodeUnknown"])]);
            }

            if (won == 0)
            {
                throw new ConflictException(code.ExpiresAt <= now
                    ? string.Format(CultureInfo.CurrentCulture, l["CodeExpired"], code.ExpiresAt.ToString("d MMMM yyyy", CultureInfo.CurrentCulture))
                    : l["CodeUsed"]);
            }

            return new Redeemed(code.ProcessId, code.District, codes.IssuePass(code.Id, code.ProcessId, code.District, now), now + VotingCodes.PassLifetime);
        }
    }

    public static RouteGroupBuilder MapRedeemVotingCode(this RouteGroupBuilder group)
    {
        group.MapPost("/codes/redemptions", async Task<Ok<Redeemed>> (Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .WithName(nameof(RedeemVotingCode))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimits.CodeRedemption)
            .AllowAnonymous();
        return group;
    }
}
