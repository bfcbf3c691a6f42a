using System.Security.Claims;
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
/// An officer looks at the paper and says what a ballot the keyings disagree on really holds (an empty
/// voter reference: there is no ballot at that place). Audited with both keyings; the batch counts once
/// every disagreement is resolved.
/// </summary>
public static class ResolvePaperBallot
{
    public sealed record Command(Guid ProcessId, Guid BatchId, Guid OfficerId, int Position, PaperBallotEntry Ballot) : ICommand<PaperBatchView>;

    public sealed record Request(int Position, PaperBallotEntry Ballot);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Position).GreaterThanOrEqualTo(0);
            RuleFor(c => c.Ballot).NotNull();
            RuleFor(c => c.Ballot.VoterReference).NotNull().MaximumLength(100).When(c => c.Ballot is not null);
            RuleFor(c => c.Ballot.Projects).NotNull().When(c => c.Ballot is not null);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit, PaperBallots paper) : ICommandHandler<Command, PaperBatchView>
    {
        public async ValueTask<PaperBatchView> Handle(Command command, CancellationToken cancellationToken)
        {
            var batch = await paper.LoadAsync(command.ProcessId, command.BatchId, cancellationToken);
            BudgetPhase.EnsureVotingOpen(await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken), clock.GetUtcNow());
            if (batch.Status != PaperBatchStatus.Mismatched)
            {
                throw new ConflictException(batch.Status == PaperBatchStatus.Counted
                    ? "This batch has been counted." : "This batch has not been keyed twice yet: there is nothing to resolve.");
            }

            var keyings = await paper.KeyingsAsync(batch.Id, cancellationToken);
            var mismatch = PaperBallots.Mismatches(batch, keyings).FirstOrDefault(m => m.Position == command.Position)
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("position", "The two keyings agree on this ballot.")]);
            if (command.Ballot.VoterReference.Length > 0)
            {
                await paper.EnsureWellFormedAsync(batch, [command.Ballot], cancellationToken);
                await paper.EnsureNotVotedAsync(batch.BudgetId, [command.Ballot], cancellationToken);
            }

            batch.Resolutions = [.. batch.Resolutions, new PaperResolution(command.Position, command.Ballot, command.OfficerId)];
            if (PaperBallots.Settled(batch, keyings) is { } settled)
            {
                await paper.CountAsync(batch, settled, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(ResolvePaperBallot), nameof(PaperBatch), batch.Id,
                new { command.Position, mismatch.First, mismatch.Second }, new { command.Position, Resolved = command.Ballot, Status = batch.Status.ToString() },
                cancellationToken);
            return await paper.ViewAsync(batch, cancellationToken);
        }
    }

    public static RouteGroupBuilder MapResolvePaperBallot(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/paper-batches/{batchId:guid}/resolutions", async Task<Ok<PaperBatchView>> (
                Guid processId, Guid batchId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, batchId, CurrentUser.IdOf(user), request.Position, request.Ballot), ct)))
            .WithName(nameof(ResolvePaperBallot))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
