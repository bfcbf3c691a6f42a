using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// An officer decides whether a proposal is feasible, with a reason when it is not, and its final cost.
/// The decision is audited and its author is e-mailed the outcome and the reason.
/// </summary>
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

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit, EmailOutbox outbox, IStringLocalizer<SharedResource> text)
        : ICommandHandler<Command, Reviewed>
    {
        public async ValueTask<Reviewed> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            BudgetPhase.EnsureNotLocked(settings, now);
            var proposal = await db.BudgetProjects
                .SingleOrDefaultAsync(p => p.Id == command.ProposalId && p.ProcessId == command.ProcessId, cancellationToken)
                ?? throw new NotFoundException("Proposal", command.ProposalId);
            ProposalRules.EnsureActive(proposal);
            var before = new { proposal.Status, proposal.ReviewReason, proposal.FinalCost };
            proposal.Status = command.Feasible ? ProposalStatus.Feasible : ProposalStatus.Infeasible;
            proposal.ReviewReason = command.Reason?.Trim();
            proposal.FinalCost = command.FinalCost ?? proposal.FinalCost;
            proposal.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(ReviewProposal), nameof(BudgetProject), proposal.Id, before,
                new { proposal.Status, proposal.ReviewReason, proposal.FinalCost }, cancellationToken);
            await TellAuthorAsync(proposal, cancellationToken);
            return new Reviewed(proposal.Id, proposal.Status, proposal.BallotCost);
        }

        private async Task TellAuthorAsync(BudgetProject proposal, CancellationToken cancellationToken)
        {
            if (proposal.AuthorId is not { } author)
            {
                return;
            }

            var process = await db.Processes.Where(p => p.Id == proposal.ProcessId).Select(p => new { p.Slug, p.Title }).SingleAsync(cancellationToken);
            var currency = await db.BudgetSettings.Where(b => b.ProcessId == proposal.ProcessId).Select(b => b.Currency).SingleAsync(cancellationToken);
            var link = outbox.Link($"/processes/{process.Slug}/projects/{proposal.Code}");
            await BudgetMail.SendAsync(db, outbox, [author], _ => new BudgetMail.Message(
                BudgetMail.Format(text, "MailReviewSubject", proposal.Title),
                proposal.Status == ProposalStatus.Feasible
                    ? BudgetMail.Format(text, "MailReviewFeasible", proposal.Title, process.Title, Money.Format(proposal.BallotCost, currency), link)
                    : BudgetMail.Format(text, "MailReviewInfeasible", proposal.Title, process.Title, proposal.ReviewReason, link)), cancellationToken);
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
