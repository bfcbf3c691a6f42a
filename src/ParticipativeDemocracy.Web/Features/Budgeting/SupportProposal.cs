using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// A resident supports someone else's proposal, or takes their support back. One support per person:
/// the primary key and ON CONFLICT make a double click or a repeated request count once.
/// </summary>
public static class SupportProposal
{
    public sealed record Command(Guid ProcessId, Guid ProposalId, Guid UserId, bool Support) : ICommand<Supporters>;

    public sealed record Supporters(Guid ProposalId, int Count, bool SupportedByYou);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Supporters>
    {
        public async ValueTask<Supporters> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            var proposal = await ProposalRules.LoadAsync(db, command.ProcessId, command.ProposalId, cancellationToken);
            var now = clock.GetUtcNow();
            ProposalRules.EnsureProposalPhase(settings, now);
            ProposalRules.EnsureActive(proposal);
            if (command.Support)
            {
                if (proposal.AuthorId == command.UserId)
                {
                    throw new ConflictException("You cannot support your own proposal.");
                }

                if (proposal.Status == ProposalStatus.Infeasible)
                {
                    throw new ConflictException("Officers found this proposal not feasible, so it can no longer be supported.");
                }

                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO app."ProposalSupports" ("ProjectId", "UserId", "ProcessId", "CreatedAt")
                    VALUES ({proposal.Id}, {command.UserId}, {proposal.ProcessId}, {now})
                    ON CONFLICT DO NOTHING
                    """, cancellationToken);
            }
            else
            {
                await db.ProposalSupports.Where(s => s.ProjectId == proposal.Id && s.UserId == command.UserId)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            var count = await db.ProposalSupports.CountAsync(s => s.ProjectId == proposal.Id, cancellationToken);
            return new Supporters(proposal.Id, count, command.Support);
        }
    }

    public static RouteGroupBuilder MapSupportProposal(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}/proposals/{proposalId:guid}/support", async Task<Ok<Supporters>> (
                Guid processId, Guid proposalId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, proposalId, CurrentUser.IdOf(user), Support: true), ct)))
            .WithName(nameof(SupportProposal))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        group.MapDelete("/{processId:guid}/proposals/{proposalId:guid}/support", async Task<Ok<Supporters>> (
                Guid processId, Guid proposalId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, proposalId, CurrentUser.IdOf(user), Support: false), ct)))
            .WithName(nameof(SupportProposal) + "Remove")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
