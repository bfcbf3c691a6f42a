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
using ParticipativeDemocracy.Web.Features.Promises;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// In the implementation phase an officer reports on a funded project: its status and, optionally, a
/// milestone with its date. The project's followers are e-mailed; the update is audited.
/// </summary>
public static class PostProjectUpdate
{
    public sealed record Command(
        Guid ProcessId, Guid ProjectId, ImplementationStatus Status, string Note, string? Milestone, DateOnly? MilestoneDate)
        : ICommand<Posted>;

    public sealed record Request(ImplementationStatus Status, string Note, string? Milestone, DateOnly? MilestoneDate);

    public sealed record Posted(Guid Id, ImplementationStatus Status, DateTimeOffset PostedAt, int FollowersTold);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Status).IsInEnum();
            RuleFor(c => c.Note).NotEmpty().WithMessage("Say what happened: residents read this on the project page.").MaximumLength(2000);
            RuleFor(c => c.Milestone).MaximumLength(200);
            RuleFor(c => c.MilestoneDate).NotNull().When(c => !string.IsNullOrWhiteSpace(c.Milestone))
                .WithMessage("Give the milestone's date.");
            RuleFor(c => c.Milestone).NotEmpty().When(c => c.MilestoneDate is not null)
                .WithMessage("Name the milestone this date belongs to.");
        }
    }

    public sealed class Handler(
        AppDbContext db, TimeProvider clock, AuditTrail audit, CurrentActor actor, EmailOutbox outbox, PromiseFeedback promiseFeedback,
        IStringLocalizer<SharedResource> text)
        : ICommandHandler<Command, Posted>
    {
        public async ValueTask<Posted> Handle(Command command, CancellationToken cancellationToken)
        {
            var project = await ProposalRules.LoadAsync(db, command.ProcessId, command.ProjectId, cancellationToken);
            var selected = await ProcessBudgets.SelectedCodesAsync(db, command.ProcessId, cancellationToken)
                ?? throw new ConflictException("Implementation updates start once the results are published.");
            if (!selected.Contains(project.Code))
            {
                throw new ConflictException($"{project.Code} was not funded, so it has no implementation to report on.");
            }

            var now = clock.GetUtcNow();
            var update = new ProjectUpdate
            {
                Id = Guid.CreateVersion7(now),
                ProcessId = project.ProcessId,
                ProjectId = project.Id,
                Status = command.Status,
                Note = command.Note.Trim(),
                Milestone = string.IsNullOrWhiteSpace(command.Milestone) ? null : command.Milestone.Trim(),
                MilestoneDate = command.MilestoneDate,
                PostedAt = now,
                PostedById = actor.Id,
            };
            var before = new { project.ImplementationStatus };
            project.ImplementationStatus = command.Status;
            project.UpdatedAt = now;
            db.ProjectUpdates.Add(update);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(PostProjectUpdate), nameof(BudgetProject), project.Id, before,
                new { update.Id, update.Status, update.Note, update.Milestone, update.MilestoneDate }, cancellationToken);
            var told = await TellFollowersAsync(project, update, cancellationToken);
            return new Posted(update.Id, update.Status, now, told);
        }

        private async Task<int> TellFollowersAsync(BudgetProject project, ProjectUpdate update, CancellationToken cancellationToken)
        {
            var followers = await db.ProjectFollowers.Where(f => f.ProjectId == project.Id).Select(f => f.UserId).ToListAsync(cancellationToken);
            var slug = await db.Processes.Where(p => p.Id == project.ProcessId).Select(p => p.Slug).SingleAsync(cancellationToken);
            var link = outbox.Link($"/processes/{slug}/projects/{project.Code}");
            var promise = await promiseFeedback.LoadAsync(project.ProcessId, cancellationToken);
            return await BudgetMail.SendAsync(db, outbox, followers, _ => new BudgetMail.Message(
                BudgetMail.Format(text, "MailUpdateSubject", project.Title),
                BudgetMail.Format(text, "MailUpdateBody", project.Title, text[$"Implementation_{update.Status}"].Value, update.Note,
                    update.Milestone is null ? "" : BudgetMail.Format(text, "MilestoneOn", update.Milestone, update.MilestoneDate?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)),
                    link) + promise.AsFooter()), cancellationToken);
        }
    }

    public static RouteGroupBuilder MapPostProjectUpdate(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/projects/{projectId:guid}/updates", async Task<Created<Posted>> (
                Guid processId, Guid projectId, Request request, ISender sender, CancellationToken ct) =>
            {
                var posted = await sender.Send(new Command(processId, projectId, request.Status, request.Note, request.Milestone, request.MilestoneDate), ct);
                return TypedResults.Created($"/api/processes/{processId}/projects/{projectId}", posted);
            })
            .WithName(nameof(PostProjectUpdate))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
