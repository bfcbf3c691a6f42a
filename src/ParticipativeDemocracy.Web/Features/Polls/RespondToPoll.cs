using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Features.Promises;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>
/// After the close, the service's managers post their response to the results. It is published with
/// the results and mailed to every respondent who asked to be told; their addresses are then erased.
/// </summary>
public static class RespondToPoll
{
    public sealed record Command(Guid ProcessId, string Response, string RespondedBy) : ICommand<Responded>;

    public sealed record Request(string Response);

    public sealed record Responded(DateTimeOffset RespondedAt, int Told);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Response).NotEmpty().WithMessage("Write the managers' response.").MaximumLength(8000);
    }

    public sealed class Handler(
        AppDbContext db, TimeProvider clock, EmailOutbox outbox, PromiseFeedback promise, AfterCommit afterCommit,
        IStringLocalizer<ParticipationText> t) : ICommandHandler<Command, Responded>
    {
        public async ValueTask<Responded> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var won = await db.Polls
                .Where(p => p.ProcessId == command.ProcessId && p.ClosedAt != null && p.RespondedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.ManagersResponse, command.Response.Trim())
                    .SetProperty(p => p.RespondedAt, now)
                    .SetProperty(p => p.RespondedBy, command.RespondedBy), cancellationToken);
            var poll = await PollRules.LoadAsync(db, command.ProcessId, cancellationToken);
            if (won == 0)
            {
                throw new ConflictException(poll.RespondedAt is not null
                    ? "The managers have already responded to this poll."
                    : "The poll is still open: respond once it has closed and the results are final.");
            }

            var process = await db.Processes.AsNoTracking().SingleAsync(p => p.Id == command.ProcessId, cancellationToken);
            var promised = await promise.ForEmailAsync(command.ProcessId, cancellationToken);
            var recipients = await db.PollRespondents.Where(r => r.ProcessId == command.ProcessId && r.NotifyEmail != null)
                .Select(r => r.NotifyEmail!).Distinct().ToListAsync(cancellationToken);
            foreach (var email in recipients)
            {
                await outbox.EnqueueAsync(email, string.Format(CultureInfo.CurrentCulture, t["MailPollAnswerSubject"], poll.ServiceName),
                    string.Format(CultureInfo.CurrentCulture, t["MailPollAnswerBody"], process.Title, command.Response.Trim(),
                        outbox.Link($"/polls/{process.Slug}"), promised), cancellationToken);
            }

            await db.PollRespondents.Where(r => r.ProcessId == command.ProcessId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.NotifyEmail, (string?)null), cancellationToken);
            afterCommit.Publish(new ProcessChanged(new ProcessChange(process.Id, process.Title, process.Status.ToString(), now)));
            return new Responded(now, recipients.Count);
        }
    }

    public static RouteGroupBuilder MapRespondToPoll(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/managers-response", async Task<Ok<Responded>> (
                Guid processId, Request request, ClaimsPrincipal user, AppDbContext db, ISender sender, CancellationToken ct) =>
            {
                PollRules.EnsureOfficerOrManager(await PollRules.LoadAsync(db, processId, ct), user);
                return TypedResults.Ok(await sender.Send(new Command(processId, request.Response, user.Identity?.Name ?? "manager"), ct));
            })
            .WithName(nameof(RespondToPoll))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
