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
            RuleFor(c => c.Ballot.Numbers).Must((c, n) => n is null || n.Count == 0 || n.Count == c.Ballot.Projects?.Count)
                .WithMessage("Key one number per project, or none.").When(c => c.Ballot is not null);
            RuleForEach(c => c.Ballot.Numbers).InclusiveBetween(0, 1_000_000).When(c => c.Ballot is not null);
        }
    }

    public sealed class Handler(AppDbContext db, AuditTrail audit, PaperBallots paper, PaperChecks checks) : ICommandHandler<Command, PaperBatchView>
    {
        public async ValueTask<PaperBatchView> Handle(Command command, CancellationToken cancellationToken)
        {
            var scope = await paper.LoadScopeAsync(command.ProcessId, command.BatchId, cancellationToken);
            var batch = scope.Batch;
            if (batch.Status != PaperBatchStatus.Mismatched)
            {
                throw new ConflictException(batch.Status == PaperBatchStatus.Counted
                    ? "This batch has been counted." : "This batch has not been keyed twice yet: there is nothing to resolve.");
            }

            var keyings = await paper.KeyingsAsync(batch.Id, cancellationToken);
            var mismatch = PaperKeyings.Mismatches(batch, keyings).FirstOrDefault(m => m.Position == command.Position)
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("position", "The two keyings agree on this ballot.")]);
            if (command.Ballot.VoterReference.Length > 0)
            {
                var elsewhere = PaperKeyings.Known(batch, keyings)
                    .Where((b, i) => i != command.Position && b is { VoterReference.Length: > 0 }).Select(b => b!.VoterReference).ToList();
                await checks.EnsureMayCountAsync(scope, [new PlacedBallot(command.Position, command.Ballot)], elsewhere, _ => "ballot", cancellationToken);
            }

            batch.Resolutions = [.. batch.Resolutions, new PaperResolution(command.Position, command.Ballot, command.OfficerId)];
            if (PaperKeyings.Settled(batch, keyings) is { } settled)
            {
                await paper.CountAsync(scope, settled, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(ResolvePaperBallot), nameof(PaperBatch), batch.Id,
                new { command.Position, mismatch.First, mismatch.Second }, new { command.Position, Resolved = command.Ballot, Status = batch.Status.ToString() },
                cancellationToken);
            return PaperBallots.View(batch, keyings);
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
