using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// A voter casts or replaces their ballot, signed in or holding the voting pass a one-time code gave
/// them. Eligibility is checked first (403 with the reasons); then the ballot rules (400 naming the rule).
/// </summary>
public static class CastBallot
{
    /// <summary><see cref="Pass"/>, when given, wins over <see cref="UserId"/>: the holder chose to vote with their letter.</summary>
    public sealed record Command(Guid ProcessId, Guid? UserId, string? Pass, IReadOnlyList<CastChoice> Choices, Guid? BudgetId = null)
        : ICommand<BallotReceipt>, IOwnTransactionCommand;

    /// <summary><see cref="BudgetId"/>: which of the process's budgets; may be left out when it has one, or the choices say.</summary>
    public sealed record Request(IReadOnlyList<CastChoice> Choices, Guid? BudgetId = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Choices).NotNull().WithMessage("Send your choices, even if there are none.");
            RuleFor(c => c.Choices.Count).LessThanOrEqualTo(500).OverridePropertyName(BallotRules.Field).When(c => c.Choices is not null);
            RuleFor(c => c.Pass).MaximumLength(4000);
        }
    }

    public sealed class Handler(BallotVoters voters, BallotBox box) : ICommandHandler<Command, BallotReceipt>
    {
        public async ValueTask<BallotReceipt> Handle(Command command, CancellationToken cancellationToken)
        {
            var holder = command.Pass is { Length: > 0 } pass ? voters.ReadPass(command.ProcessId, pass) : default((Guid CodeId, Guid ProcessId, string? District)?);
            if (holder is null && command.UserId is null)
            {
                throw voters.Nobody();
            }

            return await box.CastAsync(
                command.ProcessId,
                holder is null ? command.UserId : null,
                facts => holder is { } h ? voters.ForPass(facts.Eligibility, h) : voters.ForUser(facts.Eligibility, command.UserId!.Value),
                command.Choices,
                VoteChannel.Online,
                command.BudgetId,
                cancellationToken);
        }
    }

    public static RouteGroupBuilder MapCastBallot(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/ballots", async Task<Ok<BallotReceipt>> (
                Guid processId, Request request, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                var userId = Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
                string? pass = context.Request.Headers[VotingCodes.PassHeader];
                return TypedResults.Ok(await sender.Send(new Command(processId, userId, pass, request.Choices, request.BudgetId), ct));
            })
            .WithName(nameof(CastBallot))
            .WithDescription($"Sign in, or send the voting pass from a redeemed code in the {VotingCodes.PassHeader} header.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireVoterRateLimit()
            .AllowAnonymous();
        return group;
    }
}

/// <summary>Raised after a ballot commits; the live tally coalesces these.</summary>
public sealed record BallotCast(Guid ProcessId) : INotification;
