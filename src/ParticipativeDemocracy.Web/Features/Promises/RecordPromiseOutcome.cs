using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Promises;

namespace ParticipativeDemocracy.Web.Features.Promises;

/// <summary>An officer records that a promised item was delivered, or will not be, with the evidence. Recorded once.</summary>
public static class RecordPromiseOutcome
{
    public sealed record Command(Guid ProcessId, Guid ItemId, PromiseOutcome Outcome, string Evidence, string? EvidenceUrl)
        : ICommand<PromiseItemView>;

    public sealed record Request(PromiseOutcome Outcome, string Evidence, string? EvidenceUrl);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).IsInEnum();
            RuleFor(c => c.Evidence).NotEmpty().WithMessage("Give the evidence: what was done, or why it will not be.").MaximumLength(4000);
            RuleFor(c => c.EvidenceUrl)
                .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                .When(c => !string.IsNullOrWhiteSpace(c.EvidenceUrl))
                .WithMessage("Enter a web address starting with https://, or leave it empty.")
                .MaximumLength(1000);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, PromiseItemView>
    {
        public async ValueTask<PromiseItemView> Handle(Command command, CancellationToken cancellationToken)
        {
            var item = await db.PromiseItems.SingleOrDefaultAsync(i => i.Id == command.ItemId && i.ProcessId == command.ProcessId, cancellationToken)
                       ?? throw new NotFoundException("Promise item", command.ItemId);
            if (item.Outcome is not null)
            {
                throw new ConflictException("An outcome is already recorded for this item.");
            }

            var now = clock.GetUtcNow();
            item.Outcome = command.Outcome;
            item.OutcomeAt = now;
            item.Evidence = command.Evidence.Trim();
            item.EvidenceUrl = string.IsNullOrWhiteSpace(command.EvidenceUrl) ? null : command.EvidenceUrl.Trim();
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(RecordPromiseOutcome), nameof(PromiseItem), item.Id, null,
                new { item.Outcome, item.Evidence, item.EvidenceUrl }, cancellationToken);
            return new PromiseItemView(item.Id, item.Text, item.DueAt, PromiseStatus.Of(item, now), item.OutcomeAt, item.Evidence, item.EvidenceUrl);
        }
    }

    public static RouteGroupBuilder MapRecordPromiseOutcome(this RouteGroupBuilder group)
    {
        group.MapPost("/items/{itemId:guid}/outcome", async Task<Ok<PromiseItemView>> (
                Guid processId, Guid itemId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, itemId, request.Outcome, request.Evidence, request.EvidenceUrl), ct)))
            .WithName(nameof(RecordPromiseOutcome))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
