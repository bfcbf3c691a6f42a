using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// At an assisted voting point an officer casts a ballot for a resident, under the resident's own
/// eligibility and registry key. The audit entry names both people and never the ballot's content
/// or receipt (the receipt would find the ballot in the published file).
/// </summary>
public static class CastAssistedBallot
{
    public sealed record Command(Guid ProcessId, string? ResidentEmail, IReadOnlyList<CastChoice> Choices, Guid? BudgetId = null) : ICommand<BallotReceipt>;

    public sealed record Request(string? ResidentEmail, IReadOnlyList<CastChoice> Choices, Guid? BudgetId = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.ResidentEmail).NotEmpty().WithMessage(_ => l["EmailRequired"]).MaximumLength(256);
            RuleFor(c => c.Choices).NotNull().WithMessage("Send the resident's choices, even if there are none.");
            RuleFor(c => c.Choices.Count).LessThanOrEqualTo(500).OverridePropertyName(BallotRules.Field).When(c => c.Choices is not null);
        }
    }

    public sealed class Handler(UserManager<AppUser> users, BallotVoters voters, BallotBox box, AuditTrail audit)
        : ICommandHandler<Command, BallotReceipt>
    {
        public async ValueTask<BallotReceipt> Handle(Command command, CancellationToken cancellationToken)
        {
            var resident = await users.FindByEmailAsync(command.ResidentEmail!.Trim())
                           ?? throw new NotFoundException("Resident", command.ResidentEmail);
            var receipt = await box.CastAsync(
                command.ProcessId, resident.Id, facts => voters.ForUser(facts.Eligibility, resident.Id), command.Choices, VoteChannel.Assisted,
                command.BudgetId, cancellationToken);
            await audit.RecordAsync(nameof(CastAssistedBallot), nameof(Process), command.ProcessId, before: null,
                new { Resident = resident.Id, receipt.Replaced }, cancellationToken, onBehalfOf: resident.Id);
            return receipt;
        }
    }

    public static RouteGroupBuilder MapCastAssistedBallot(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/assisted-ballots", async Task<Ok<BallotReceipt>> (
                Guid processId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, request.ResidentEmail, request.Choices, request.BudgetId), ct)))
            .WithName(nameof(CastAssistedBallot))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireVoterRateLimit()
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
