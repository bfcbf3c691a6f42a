using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>An officer decides whether a proposal is feasible, with a reason when it is not, and its final cost.</summary>
public static class ReviewProposal
{
    public sealed record Command(Guid ProcessId, Guid ProposalId, bool Feasible, string? Reason, decimal? FinalCost) : ICommand<Reviewed>;

    public sealed record Reviewed(Guid Id, ProposalStatus Status, decimal BallotCost);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().When(c => !c.Feasible)
                .WithMessage("Give the reason a proposal is not feasible: its author will be told.");
            RuleFor(c => c.Reason).MaximumLength(1000);
            RuleFor(c => c.FinalCost).GreaterThan(0).When(c => c.FinalCost.HasValue);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Reviewed>
    {
        public async ValueTask<Reviewed> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            BudgetPhase.EnsureNotLocked(settings, now);
            var proposal = await db.BudgetProjects
                .SingleOrDefaultAsync(p => p.Id == command.ProposalId && p.ProcessId == command.ProcessId, cancellationToken)
                ?? throw new NotFoundException("Proposal", command.ProposalId);
            if (proposal.Status == ProposalStatus.Withdrawn)
            {
                throw new ConflictException("This proposal was withdrawn by its author.");
            }

            proposal.Status = command.Feasible ? ProposalStatus.Feasible : ProposalStatus.Infeasible;
            proposal.ReviewReason = command.Reason?.Trim();
            proposal.FinalCost = command.FinalCost ?? proposal.FinalCost;
            proposal.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new Reviewed(proposal.Id, proposal.Status, proposal.BallotCost);
        }
    }

    public static RouteGroupBuilder MapReviewProposal(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/proposals/{proposalId:guid}/review", async Task<Ok<Reviewed>> (
                Guid processId, Guid proposalId, Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { ProcessId = processId, ProposalId = proposalId }, ct)))
            .WithName(nameof(ReviewProposal))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
