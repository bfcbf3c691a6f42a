using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// An officer opens a batch of paper ballots for one budget (null: the process's only or first budget): while voting
/// is open, and after the close until the count, for paper ballots received by the deadline (ADR 0011).
/// </summary>
public static class CreatePaperBatch
{
    public sealed record Command(Guid ProcessId, Guid? BudgetId, string Label) : ICommand<PaperBatchView>;

    public sealed record Request(Guid? BudgetId, string Label);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Label).NotEmpty().WithMessage("Give the batch the label written on it.").MaximumLength(100);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, PaperBatchView>
    {
        public async ValueTask<PaperBatchView> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            PaperWindow.EnsureOpen(settings, now);
            var budgets = await ProcessBudgets.LoadAsync(db, command.ProcessId, cancellationToken);
            var budget = (command.BudgetId is { } id ? budgets.FirstOrDefault(b => b.Id == id) : budgets.FirstOrDefault())
                ?? throw new NotFoundException("Budget", command.BudgetId ?? command.ProcessId);
            var batch = new PaperBatch
            {
                Id = Guid.CreateVersion7(now), ProcessId = command.ProcessId, BudgetId = budget.Id, Label = command.Label.Trim(),
                Status = PaperBatchStatus.Keying, CreatedAt = now,
            };
            // After the deadline a new batch waits its turn at the gate, so it cannot slip in beside a count that is running.
            await PaperWindow.EnterAsync(db, settings, now, cancellationToken);
            db.PaperBatches.Add(batch);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(CreatePaperBatch), nameof(PaperBatch), batch.Id, null, new { batch.Label, batch.BudgetId }, cancellationToken);
            return PaperBallots.View(batch, []);
        }
    }

    public static RouteGroupBuilder MapCreatePaperBatch(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/paper-batches", async Task<Ok<PaperBatchView>> (Guid processId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, request.BudgetId, request.Label), ct)))
            .WithName(nameof(CreatePaperBatch))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
