using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>A resident proposes a project before voting opens; officers then review it.</summary>
public static class SubmitProposal
{
    public sealed record Command(
        Guid ProcessId, Guid AuthorId, string Title, string? Description, string? District, string? Category, decimal EstimatedCost)
        : ICommand<Submitted>, IProposalFields;

    public sealed record Request(string Title, string? Description, string? District, string? Category, decimal EstimatedCost);

    public sealed record Submitted(Guid Id, string Code, ProposalStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new ProposalFieldsValidator());
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Submitted>
    {
        public async ValueTask<Submitted> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            BudgetPhase.EnsureNotLocked(settings, now);
            var budget = await ProcessBudgets.BudgetForAsync(db, command.ProcessId, command.District, cancellationToken);
            var count = await db.BudgetProjects.CountAsync(p => p.ProcessId == command.ProcessId, cancellationToken);
            var project = new BudgetProject
            {
                Id = Guid.CreateVersion7(now),
                ProcessId = command.ProcessId,
                BudgetId = budget,
                Code = $"P{count + 1:D2}",
                Title = command.Title.Trim(),
                Description = command.Description?.Trim() ?? string.Empty,
                District = command.District?.Trim(),
                Category = command.Category?.Trim(),
                EstimatedCost = command.EstimatedCost,
                Status = ProposalStatus.Submitted,
                AuthorId = command.AuthorId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.BudgetProjects.Add(project);
            await db.SaveChangesAsync(cancellationToken);
            return new Submitted(project.Id, project.Code, project.Status);
        }
    }

    public static RouteGroupBuilder MapSubmitProposal(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/proposals", async Task<Created<Submitted>> (
                Guid processId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var command = new Command(processId, CurrentUser.IdOf(user), request.Title, request.Description,
                    request.District, request.Category, request.EstimatedCost);
                var submitted = await sender.Send(command, ct);
                return TypedResults.Created($"/api/processes/{processId}/projects", submitted);
            })
            .WithName(nameof(SubmitProposal))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
