using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>The author changes their proposal while it waits for review and the proposal phase lasts.</summary>
public static class EditProposal
{
    public sealed record Command(
        Guid ProcessId, Guid ProposalId, Guid AuthorId, string Title, string? Description, string? District, string? Category, decimal EstimatedCost)
        : ICommand<Edited>, IProposalFields;

    public sealed record Request(string Title, string? Description, string? District, string? Category, decimal EstimatedCost);

    public sealed record Edited(Guid Id, string Code, ProposalStatus Status, DateTimeOffset UpdatedAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new ProposalFieldsValidator());
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Edited>
    {
        public async ValueTask<Edited> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            var proposal = await ProposalRules.LoadAsync(db, command.ProcessId, command.ProposalId, cancellationToken);
            ProposalRules.EnsureAuthor(proposal, command.AuthorId);
            var now = clock.GetUtcNow();
            ProposalRules.EnsureProposalPhase(settings, now);
            ProposalRules.EnsureActive(proposal);
            if (proposal.Status != ProposalStatus.Submitted)
            {
                throw new ConflictException("Officers have already reviewed this proposal, so it can no longer be edited. You can still withdraw it.");
            }

            proposal.Title = command.Title.Trim();
            proposal.Description = command.Description?.Trim() ?? string.Empty;
            proposal.District = Blank(command.District);
            proposal.BudgetId = await ProcessBudgets.BudgetForAsync(db, command.ProcessId, proposal.District, cancellationToken);
            proposal.Category = Blank(command.Category);
            proposal.EstimatedCost = command.EstimatedCost;
            proposal.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new Edited(proposal.Id, proposal.Code, proposal.Status, now);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public static RouteGroupBuilder MapEditProposal(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}/proposals/{proposalId:guid}", async Task<Ok<Edited>> (
                Guid processId, Guid proposalId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, proposalId, CurrentUser.IdOf(user), request.Title,
                    request.Description, request.District, request.Category, request.EstimatedCost), ct)))
            .WithName(nameof(EditProposal))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
