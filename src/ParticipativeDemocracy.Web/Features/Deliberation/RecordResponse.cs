using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;
using ParticipativeDemocracy.Web.Features.Promises;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>
/// An officer records the council's response to an adopted recommendation (accepted, partly or
/// rejected, why, and when) or, later, progress on it. Audited; jurors and followers are told each time.
/// </summary>
public static class RecordResponse
{
    public sealed record Command(Guid RecommendationId, ResponseKind Kind, ResponseDecision? Decision, string Text, string? Timeline)
        : ICommand<Recorded>;

    public sealed record Request(ResponseDecision? Decision, string Text, string? Timeline);

    public sealed record ProgressRequest(string Text);

    public sealed record Recorded(Guid Id, int Notified);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).NotNull().When(c => c.Kind == ResponseKind.Response).WithMessage("Choose accepted, partly or rejected.");
            RuleFor(c => c.Decision).IsInEnum();
            RuleFor(c => c.Text).NotEmpty().WithMessage("Give the reasons.").MaximumLength(4000);
            RuleFor(c => c.Timeline).MaximumLength(500);
        }
    }

    public sealed class Handler(
        AppDbContext db, TimeProvider clock, CurrentActor actor, AuditTrail audit, EmailOutbox outbox, PromiseFeedback promiseFeedback)
        : ICommandHandler<Command, Recorded>
    {
        public async ValueTask<Recorded> Handle(Command command, CancellationToken cancellationToken)
        {
            var recommendation = await RecommendationVoting.LockAsync(db, command.RecommendationId, cancellationToken);
            if (recommendation.Status != RecommendationStatus.Adopted)
            {
                throw new ConflictException("Only recommendations the jury adopted get a response.");
            }

            var responded = await db.RecommendationResponses.AnyAsync(
                r => r.RecommendationId == recommendation.Id && r.Kind == ResponseKind.Response, cancellationToken);
            if (command.Kind == ResponseKind.Progress && !responded)
            {
                throw new ConflictException("Record the council's response before progress updates.");
            }

            if (command.Kind == ResponseKind.Response && responded)
            {
                throw new ConflictException("The council has already responded; record progress instead.");
            }

            var now = clock.GetUtcNow();
            var response = new RecommendationResponse
            {
                Id = Guid.CreateVersion7(now),
                RecommendationId = recommendation.Id,
                Kind = command.Kind,
                Decision = command.Kind == ResponseKind.Response ? command.Decision : null,
                Text = command.Text.Trim(),
                Timeline = string.IsNullOrWhiteSpace(command.Timeline) ? null : command.Timeline.Trim(),
                RecordedByName = actor.Name,
                RecordedAt = now,
            };
            db.RecommendationResponses.Add(response);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync($"{nameof(RecordResponse)}.{command.Kind}", nameof(Recommendation), recommendation.Id, null,
                new { response.Kind, response.Decision, response.Text, response.Timeline }, cancellationToken);
            var notified = await NotifyAsync(recommendation, response, cancellationToken);
            return new Recorded(response.Id, notified);
        }

        private async Task<int> NotifyAsync(Recommendation recommendation, RecommendationResponse response, CancellationToken cancellationToken)
        {
            var jury = await db.Processes.AsNoTracking().SingleAsync(p => p.Id == recommendation.ProcessId, cancellationToken);
            var recipients = await JuryAudience.EmailsAsync(db, jury.Id, cancellationToken);
            var subject = response.Kind == ResponseKind.Response
                ? $"You said, we did: the council's response to {recommendation.Code}"
                : $"You said, we did: progress on {recommendation.Code}";
            var body = $"""
                {jury.Title}

                You said ({recommendation.Code}): {recommendation.Title}
                {recommendation.Text}

                We did{(response.Decision is { } decision ? $" ({decision})" : "")}: {response.Text}
                {(response.Timeline is { } timeline ? $"Timeline: {timeline}" : "")}

                The jury's report: {outbox.Link($"/juries/{jury.Slug}/report")}
                """ + (await promiseFeedback.LoadAsync(jury.Id, cancellationToken)).AsFooter();
            foreach (var email in recipients)
            {
                await outbox.EnqueueAsync(email, subject, body, cancellationToken);
            }

            return recipients.Count;
        }
    }

    public static RouteGroupBuilder MapRecordResponse(this RouteGroupBuilder group)
    {
        group.MapPost("/recommendations/{recommendationId:guid}/response", async Task<Created<Recorded>> (
                Guid recommendationId, Request request, ISender sender, CancellationToken ct) =>
            {
                var recorded = await sender.Send(new Command(recommendationId, ResponseKind.Response, request.Decision, request.Text, request.Timeline), ct);
                return TypedResults.Created($"/api/juries/recommendations/{recommendationId}/tally", recorded);
            })
            .WithName(nameof(RecordResponse))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        group.MapPost("/recommendations/{recommendationId:guid}/progress", async Task<Created<Recorded>> (
                Guid recommendationId, ProgressRequest request, ISender sender, CancellationToken ct) =>
            {
                var recorded = await sender.Send(new Command(recommendationId, ResponseKind.Progress, null, request.Text, null), ct);
                return TypedResults.Created($"/api/juries/recommendations/{recommendationId}/tally", recorded);
            })
            .WithName(nameof(RecordResponse) + "Progress")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
