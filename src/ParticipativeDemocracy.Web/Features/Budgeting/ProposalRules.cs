using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>What residents may still do with a proposal: the proposal phase ends when voting opens.</summary>
public static class ProposalRules
{
    public static void EnsureProposalPhase(BudgetSettings settings, DateTimeOffset now)
    {
        if (settings.ClosedAt is not null || now >= settings.VotingOpensAt)
        {
            throw new ConflictException(
                $"The proposal phase is over: voting opened at {settings.VotingOpensAt:yyyy-MM-dd HH:mm} UTC. Proposals can no longer be edited, withdrawn or supported.");
        }
    }

    public static async Task<BudgetProject> LoadAsync(AppDbContext db, Guid processId, Guid proposalId, CancellationToken cancellationToken) =>
        await db.BudgetProjects.SingleOrDefaultAsync(p => p.Id == proposalId && p.ProcessId == processId, cancellationToken)
        ?? throw new NotFoundException("Proposal", proposalId);

    public static void EnsureAuthor(BudgetProject proposal, Guid userId)
    {
        if (proposal.AuthorId != userId)
        {
            throw new ForbiddenException("Only the author of a proposal can change or withdraw it.");
        }
    }

    /// <summary>Withdrawn and merged proposals are closed; nothing more happens to them.</summary>
    public static void EnsureActive(BudgetProject proposal)
    {
        switch (proposal.Status)
        {
            case ProposalStatus.Withdrawn:
                throw new ConflictException("This proposal was withdrawn by its author.");
            case ProposalStatus.Merged:
                throw new ConflictException("This proposal was merged into another one; support and discuss that one instead.");
        }
    }
}
