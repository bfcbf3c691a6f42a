using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Jobs;

namespace ParticipativeDemocracy.Web.Features.Rolls;

/// <summary>
/// An officer uploads a roll as CSV (the request body) for an organisation or one process. The file is
/// stored and imported by a background job; the answer points at the roll, whose status shows progress.
/// </summary>
public static class UploadRoll
{
    public const long MaxBytes = 64 * 1024 * 1024;

    public sealed record Command(Guid OrganisationId, Guid? ProcessId, string? Name, byte[] Content) : ICommand<Uploaded>;

    public sealed record Uploaded(Guid Id, VoterRollStatus Status);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AppDbContext db)
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Content).NotEmpty().WithMessage("The file is empty.");
            RuleFor(c => c.OrganisationId)
                .MustAsync((id, ct) => db.Organisations.AnyAsync(o => o.Id == id, ct))
                .WithMessage("No organisation has this id.");
            RuleFor(c => c.ProcessId)
                .MustAsync((c, id, ct) => db.Processes.AnyAsync(p => p.Id == id && p.OrganisationId == c.OrganisationId, ct))
                .When(c => c.ProcessId.HasValue)
                .WithMessage("The organisation has no process with this id.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit, AuditTrail audit)
        : ICommandHandler<Command, Uploaded>
    {
        public async ValueTask<Uploaded> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var roll = new VoterRoll
            {
                Id = Guid.CreateVersion7(now),
                OrganisationId = command.OrganisationId,
                ProcessId = command.ProcessId,
                Name = command.Name!.Trim(),
                Status = VoterRollStatus.Importing,
                CreatedAt = now,
            };
            db.VoterRolls.Add(roll);
            db.VoterRollUploads.Add(new VoterRollUpload { RollId = roll.Id, Content = command.Content });
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(UploadRoll), nameof(VoterRoll), roll.Id, before: null,
                new { roll.Name, roll.OrganisationId, roll.ProcessId, Bytes = command.Content.Length }, cancellationToken);
            afterCommit.Publish(new RollUploaded(roll.Id));
            return new Uploaded(roll.Id, roll.Status);
        }
    }

    public static RouteGroupBuilder MapUploadRoll(this RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<Accepted<Uploaded>> (
                Guid organisationId, Guid? processId, string? name, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                var uploaded = await sender.Send(new Command(organisationId, processId, name, buffer.ToArray()), ct);
                return TypedResults.Accepted($"/api/rolls/{uploaded.Id}", uploaded);
            })
            .WithName(nameof(UploadRoll))
            .Accepts<string>("text/csv")
            .ProducesValidationProblem()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBytes))
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
