using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// An officer merges a duplicate proposal into another: the duplicate is closed as merged, its
/// supporters carry over (someone who backed both still counts once), and its author is told.
/// </summary>
public static class MergeProposal
{
    public sealed record Command(Guid ProcessId, Guid ProposalId, Guid TargetId) : ICommand<Merged>;

    public sealed record Request(Guid TargetId);

    public sealed record Merged(Guid Id, Guid TargetId, string TargetCode, int TargetSupporters);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.TargetId).NotEmpty().WithMessage("Choose the proposal to merge this one into.");
            RuleFor(c => c.TargetId).NotEqual(c => c.ProposalId).WithMessage("A proposal cannot be merged into itself.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit, EmailOutbox outbox, IStringLocalizer<SharedResource> text)
        : ICommandHandler<Command, Merged>
    {
        public async ValueTask<Merged> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            BudgetPhase.EnsureNotLocked(settings, now);
            var duplicate = await ProposalRules.LoadAsync(db, command.ProcessId, command.ProposalId, cancellationToken);
            var target = await ProposalRules.LoadAsync(db, command.ProcessId, command.TargetId, cancellationToken);
            ProposalRules.EnsureActive(duplicate);
            ProposalRules.EnsureActive(target);
            var before = new { duplicate.Status, duplicate.MergedIntoId };
            duplicate.Status = ProposalStatus.Merged;
            duplicate.MergedIntoId = target.Id;
            duplicate.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            // The target's author cannot support their own proposal, so their support does not carry over.
            var carried = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO app."ProposalSupports" ("ProjectId", "UserId", "ProcessId", "CreatedAt")
                SELECT {target.Id}, s."UserId", s."ProcessId", s."CreatedAt"
                FROM app."ProposalSupports" s
                WHERE s."ProjectId" = {duplicate.Id} AND s."UserId" IS DISTINCT FROM {target.AuthorId}
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            var supporters = await db.ProposalSupports.CountAsync(s => s.ProjectId == target.Id, cancellationToken);
            await audit.RecordAsync(nameof(MergeProposal), nameof(BudgetProject), duplicate.Id, before,
                new { duplicate.Status, MergedInto = target.Code, SupportsCarried = carried }, cancellationToken);
            await TellAuthorAsync(duplicate, target, cancellationToken);
            return new Merged(duplicate.Id, target.Id, target.Code, supporters);
        }

        private async Task TellAuthorAsync(BudgetProject duplicate, BudgetProject target, CancellationToken cancellationToken)
        {
            if (duplicate.AuthorId is not { } author)
            {
                return;
            }

            var slug = await db.Processes.Where(p => p.Id == duplicate.ProcessId).Select(p => p.Slug).SingleAsync(cancellationToken);
            var link = outbox.Link($"/processes/{slug}/projects/{target.Code}");
            await BudgetMail.SendAsync(db, outbox, [author], _ => new BudgetMail.Message(
                BudgetMail.Format(text, "MailMergedSubject", duplicate.Title),
                BudgetMail.Format(text, "MailMergedBody", duplicate.Title, $"{target.Code} {target.Title}", link)), cancellationToken);
        }
    }

    public static RouteGroupBuilder MapMergeProposal(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/proposals/{proposalId:guid}/merge", async Task<Ok<Merged>> (
                Guid processId, Guid proposalId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, proposalId, request.TargetId), ct)))
            .WithName(nameof(MergeProposal))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
