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
/// An officer keys in a whole batch of paper ballots. The second keying must be another officer's; when
/// the two agree the batch counts at once, otherwise the ballots they disagree on wait for resolution.
/// </summary>
public static class KeyPaperBatch
{
    public sealed record Command(Guid ProcessId, Guid BatchId, Guid OfficerId, IReadOnlyList<PaperBallotEntry> Ballots) : ICommand<PaperBatchView>;

    public sealed record Request(IReadOnlyList<PaperBallotEntry> Ballots);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Ballots).NotEmpty().WithMessage("Key in the batch's ballots.").Must(b => b.Count <= 1000).WithMessage("A batch holds at most 1,000 ballots.");
            RuleForEach(c => c.Ballots).ChildRules(ballot =>
            {
                ballot.RuleFor(b => b.VoterReference).NotEmpty().WithMessage("Key in the voter reference printed on the ballot.").MaximumLength(100);
                ballot.RuleFor(b => b.Projects).NotNull().Must(p => p is null || p.Count <= 500);
                ballot.RuleFor(b => b.Numbers).Must((b, n) => n is null || n.Count == 0 || n.Count == b.Projects?.Count)
                    .WithMessage("Key one number per project, or none.");
                ballot.RuleForEach(b => b.Numbers).InclusiveBetween(0, 1_000_000);
                ballot.RuleFor(b => b.Projects).Must(p => p is null || p.Count == 0).When(b => b.Spoilt)
                    .WithMessage("A ballot marked spoilt has no marks: key its voter reference only.");
            });
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit, PaperBallots paper, PaperChecks checks)
        : ICommandHandler<Command, PaperBatchView>
    {
        public async ValueTask<PaperBatchView> Handle(Command command, CancellationToken cancellationToken)
        {
            var scope = await paper.LoadScopeAsync(command.ProcessId, command.BatchId, cancellationToken);
            var batch = scope.Batch;
            var keyings = await paper.KeyingsAsync(batch.Id, cancellationToken);
            if (keyings.Any(k => k.OfficerId == command.OfficerId))
            {
                throw new ConflictException("You have already keyed this batch: the second keying must be done by another officer.");
            }

            if (keyings.Count >= 2)
            {
                throw new ConflictException("This batch has been keyed twice already.");
            }

            var placed = command.Ballots.Select((b, i) => new PlacedBallot(i, b)).ToList();
            await checks.EnsureMayCountAsync(scope, placed, [], i => $"ballots[{i}]", cancellationToken);
            var now = clock.GetUtcNow();
            var keying = new PaperKeying
            {
                Id = Guid.CreateVersion7(now), BatchId = batch.Id, OfficerId = command.OfficerId, KeyedAt = now, Ballots = [.. command.Ballots],
            };
            db.PaperKeyings.Add(keying);
            keyings.Add(keying);
            if (keyings.Count == 2)
            {
                if (PaperKeyings.Settled(batch, keyings) is { } settled)
                {
                    await paper.CountAsync(scope, settled, cancellationToken);
                }
                else
                {
                    batch.Status = PaperBatchStatus.Mismatched;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(KeyPaperBatch), nameof(PaperBatch), batch.Id, null,
                new { Keying = keyings.Count, Ballots = command.Ballots.Count, Status = batch.Status.ToString(), batch.Counted, Spoilt = batch.SetAside.Count(s => s.Spoilt) },
                cancellationToken);
            return PaperBallots.View(batch, keyings);
        }
    }

    public static RouteGroupBuilder MapKeyPaperBatch(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/paper-batches/{batchId:guid}/keyings", async Task<Ok<PaperBatchView>> (
                Guid processId, Guid batchId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, batchId, CurrentUser.IdOf(user), request.Ballots), ct)))
            .WithName(nameof(KeyPaperBatch))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
