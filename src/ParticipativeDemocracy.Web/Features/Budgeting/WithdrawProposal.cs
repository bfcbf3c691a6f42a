using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>The author withdraws their proposal before voting opens; it leaves the list and the ballot.</summary>
public static class WithdrawProposal
{
    public sealed record Command(Guid ProcessId, Guid ProposalId, Guid AuthorId) : ICommand<Withdrawn>;

    public sealed record Withdrawn(Guid Id, string Code, ProposalStatus Status);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Withdrawn>
    {
        public async ValueTask<Withdrawn> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            var proposal = await ProposalRules.LoadAsync(db, command.ProcessId, command.ProposalId, cancellationToken);
            ProposalRules.EnsureAuthor(proposal, command.AuthorId);
            var now = clock.GetUtcNow();
            ProposalRules.EnsureProposalPhase(settings, now);
            ProposalRules.EnsureActive(proposal);
            proposal.Status = ProposalStatus.Withdrawn;
            proposal.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new Withdrawn(proposal.Id, proposal.Code, proposal.Status);
        }
    }

    public static RouteGroupBuilder MapWithdrawProposal(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/proposals/{proposalId:guid}/withdraw", async Task<Ok<Withdrawn>> (
                Guid processId, Guid proposalId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, proposalId, CurrentUser.IdOf(user)), ct)))
            .WithName(nameof(WithdrawProposal))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
