using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Codes;

/// <summary>
/// An officer generates a batch of one-time codes for a process and district. The codes are returned
/// once, to be printed; only their keyed hashes are kept.
/// </summary>
public static class GenerateVotingCodes
{
    public const int MaxPerBatch = 5000;

    public sealed record Command(Guid ProcessId, string? District, int Count, DateTimeOffset? ExpiresAt) : ICommand<Batch>;

    public sealed record Batch(Guid Id, Guid ProcessId, string? District, DateTimeOffset ExpiresAt, IReadOnlyList<string> Codes);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db, TimeProvider clock)
        {
            RuleFor(c => c.Count).InclusiveBetween(1, MaxPerBatch);
            RuleFor(c => c.District).MaximumLength(100);
            RuleFor(c => c.ExpiresAt).GreaterThan(_ => clock.GetUtcNow()).When(c => c.ExpiresAt.HasValue)
                .WithMessage("The expiry must be in the future.");
            RuleFor(c => c.ProcessId).MustAsync((id, ct) => db.Processes.AnyAsync(p => p.Id == id, ct))
                .WithMessage("No process has this id.");
        }
    }

    public sealed class Handler(AppDbContext db, RollHasher hasher, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, Batch>
    {
        public async ValueTask<Batch> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var closes = await db.Processes.Where(p => p.Id == command.ProcessId).Select(p => p.ClosesAt).SingleAsync(cancellationToken);
            var batch = new VotingCodeBatch
            {
                Id = Guid.CreateVersion7(now),
                ProcessId = command.ProcessId,
                District = string.IsNullOrWhiteSpace(command.District) ? null : command.District.Trim(),
                Count = command.Count,
                CreatedAt = now,
                ExpiresAt = command.ExpiresAt ?? closes ?? now.AddDays(90),
            };
            db.VotingCodeBatches.Add(batch);
            var codes = Enumerable.Range(0, command.Count).Select(_ => VotingCodes.NewCode()).ToList();
            db.VotingCodes.AddRange(codes.Select(code => new VotingCode
            {
                Id = Guid.CreateVersion7(now), BatchId = batch.Id, ProcessId = batch.ProcessId,
                CodeHash = hasher.CodeHash(code), ExpiresAt = batch.ExpiresAt,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(GenerateVotingCodes), nameof(VotingCodeBatch), batch.Id, before: null,
                new { batch.ProcessId, batch.District, batch.Count, batch.ExpiresAt }, cancellationToken);
            return new Batch(batch.Id, batch.ProcessId, batch.District, batch.ExpiresAt, codes);
        }
    }

    public sealed record Body(string? District, int Count, DateTimeOffset? ExpiresAt);

    public static RouteGroupBuilder MapGenerateVotingCodes(this RouteGroupBuilder group)
    {
        group.MapPost("/processes/{processId:guid}/codes", async Task<Ok<Batch>> (Guid processId, Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, body.District, body.Count, body.ExpiresAt), ct)))
            .WithName(nameof(GenerateVotingCodes))
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
