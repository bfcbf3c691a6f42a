using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>An officer sets up the poll of a service: questions, audience, schedule, who answers it. Locked once it opens.</summary>
public static class ConfigurePoll
{
    public sealed record Command(
        Guid ProcessId, string ServiceName, PollAudience Audience, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        bool LiveResults, int MinGroupSize, IReadOnlyList<Question> Questions, IReadOnlyList<string> ManagerEmails) : ICommand<Configured>;

    public sealed record Request(
        string ServiceName, PollAudience Audience, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        bool LiveResults, int? MinGroupSize, IReadOnlyList<Question> Questions, IReadOnlyList<string> ManagerEmails);

    public sealed record Question(PollQuestionKind Kind, string Text, IReadOnlyList<string>? Options);

    public sealed record Configured(Guid ProcessId, int Questions);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ServiceName).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Audience).IsInEnum();
            RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt).WithMessage("The poll must close after it opens.");
            RuleFor(c => c.MinGroupSize).InclusiveBetween(3, 100)
                .WithMessage("Breakdowns need groups of at least 3 people, so no one can be singled out.");
            RuleFor(c => c.Questions).NotNull().Must(q => q is { Count: >= 1 and <= 30 }).WithMessage("A poll has between 1 and 30 questions.");
            RuleForEach(c => c.Questions).ChildRules(q =>
            {
                q.RuleFor(x => x.Kind).IsInEnum();
                q.RuleFor(x => x.Text).NotEmpty().MaximumLength(500);
                q.RuleFor(x => x.Options).Must(o => o is { Count: >= 2 and <= 20 } && o.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 200))
                    .When(x => x.Kind is PollQuestionKind.SingleChoice or PollQuestionKind.MultipleChoice or PollQuestionKind.Ranking)
                    .WithMessage("A choice or ranking question needs between 2 and 20 options, none empty.");
                q.RuleFor(x => x.Options).Must(o => o is null || o.Count == 0)
                    .When(x => x.Kind is PollQuestionKind.Rating or PollQuestionKind.FreeText)
                    .WithMessage("Rating and free-text questions have no options.");
            }).When(c => c.Questions is not null);
            RuleFor(c => c.ManagerEmails).NotNull().Must(m => m is { Count: >= 1 and <= 20 })
                .WithMessage("Name at least one manager of the service: they must respond to the results.");
            RuleForEach(c => c.ManagerEmails).EmailAddress().MaximumLength(256).When(c => c.ManagerEmails is not null);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, Configured>
    {
        public async ValueTask<Configured> Handle(Command command, CancellationToken cancellationToken)
        {
            await PollRules.EnsurePollProcessAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            var poll = await db.Polls.SingleOrDefaultAsync(p => p.ProcessId == command.ProcessId, cancellationToken);
            if (poll is not null && (poll.OpenedAt is not null || now >= poll.OpensAt))
            {
                throw new ConflictException("The poll has opened: its questions and audience can no longer change.");
            }

            var before = poll is null ? null : new { poll.ServiceName, poll.Audience, poll.OpensAt, poll.ClosesAt, Questions = poll.Questions.Count };
            if (poll is null)
            {
                poll = new Poll { ProcessId = command.ProcessId, ServiceName = "" };
                db.Polls.Add(poll);
            }

            poll.ServiceName = command.ServiceName.Trim();
            poll.Audience = command.Audience;
            poll.OpensAt = command.OpensAt;
            poll.ClosesAt = command.ClosesAt;
            poll.LiveResults = command.LiveResults;
            poll.MinGroupSize = command.MinGroupSize;
            poll.Questions = command.Questions.Select((q, i) => new PollQuestion(i + 1, q.Kind, q.Text.Trim(),
                (q.Options ?? []).Select(o => o.Trim()).ToList())).ToList();
            poll.ManagerEmails = command.ManagerEmails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var process = await db.Processes.SingleAsync(p => p.Id == command.ProcessId, cancellationToken);
            process.OpensAt = command.OpensAt;
            process.ClosesAt = command.ClosesAt;
            process.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(ConfigurePoll), "Poll", command.ProcessId, before,
                new { poll.ServiceName, poll.Audience, poll.OpensAt, poll.ClosesAt, Questions = poll.Questions.Count }, cancellationToken);
            return new Configured(command.ProcessId, poll.Questions.Count);
        }
    }

    public static RouteGroupBuilder MapConfigurePoll(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}", async Task<Ok<Configured>> (Guid processId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, request.ServiceName, request.Audience, request.OpensAt, request.ClosesAt,
                    request.LiveResults, request.MinGroupSize ?? 5, request.Questions, request.ManagerEmails), ct)))
            .WithName(nameof(ConfigurePoll))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
