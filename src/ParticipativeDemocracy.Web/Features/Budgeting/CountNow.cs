using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// An officer counts a closed process without waiting for the paper batches still unsettled (ADR 0011): those
/// batches are marked not counted — their ballots stay out of the box and their voters out of the registry, as
/// only a counted batch writes either — and the reason is required and audited with the batches left out.
/// </summary>
public static class CountNow
{
    public sealed record Command(Guid ProcessId, string? Reason) : ICommand<Counted>;

    public sealed record Request(string? Reason);

    public sealed record Counted(Guid ProcessId, DateTimeOffset CountedAt, IReadOnlyList<NotCountedBatch> NotCounted);

    public sealed record NotCountedBatch(Guid Id, Guid BudgetId, string Label, PaperBatchStatus WasStatus);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).MaximumLength(1000);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit, AfterCommit afterCommit) : ICommandHandler<Command, Counted>
    {
        public async ValueTask<Counted> Handle(Command command, CancellationToken cancellationToken)
        {
            await BudgetPhase.EnsureBudgetProcessAsync(db, command.ProcessId, cancellationToken);
            // The gate first: paper writers in flight finish, and what is read below stays true until the count is stored.
            await BallotBoxGate.CloseAsync(db, command.ProcessId, cancellationToken);
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            if (settings.CountedAt is { } countedAt)
            {
                throw new ConflictException($"The votes were already counted at {countedAt:yyyy-MM-dd HH:mm} UTC.");
            }

            if (settings.ClosedAt is null)
            {
                throw new ConflictException($"Voting has not closed yet: the count runs when it closes at {settings.VotingClosesAt:yyyy-MM-dd HH:mm} UTC.");
            }

            var unsettled = await FinalCount.Unsettled(db, command.ProcessId).AsNoTracking().OrderBy(b => b.CreatedAt)
                .Select(b => new NotCountedBatch(b.Id, b.BudgetId, b.Label, b.Status)).ToListAsync(cancellationToken);
            var reason = command.Reason?.Trim() ?? "";
            if (unsettled.Count > 0 && reason.Length == 0)
            {
                throw new ValidationException([new ValidationFailure("reason",
                    $"Give the reason for counting now: {unsettled.Count} paper batch(es) are not settled and will not be counted.")]);
            }

            var now = clock.GetUtcNow();
            var ids = unsettled.Select(b => b.Id).ToList();
            await db.PaperBatches.Where(b => ids.Contains(b.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, PaperBatchStatus.NotCounted), cancellationToken);
            if (!await FinalCount.RunAsync(db, afterCommit, command.ProcessId, now, cancellationToken))
            {
                throw new ConflictException("The votes have already been counted.");
            }

            await audit.RecordAsync(nameof(CountNow), nameof(BudgetSettings), command.ProcessId, null,
                new { Reason = reason.Length == 0 ? null : reason, NotCounted = unsettled.Select(b => new { b.Id, b.Label, Status = b.WasStatus.ToString() }) },
                cancellationToken);
            afterCommit.Publish(new BallotCast(command.ProcessId));
            return new Counted(command.ProcessId, now, unsettled);
        }
    }

    public static RouteGroupBuilder MapCountNow(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/count", async Task<Ok<Counted>> (Guid processId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, request.Reason), ct)))
            .WithName(nameof(CountNow))
            .WithDescription("Counts a closed process now; paper batches not settled are left out and listed (a reason is required then).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
