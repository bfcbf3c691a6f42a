using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>
/// What the officer set up for a poll, the managers' addresses included, also before the process is
/// published or the poll configured (then <see cref="PollSettingsView.Configured"/> is false).
/// </summary>
public static class GetPollSettings
{
    public sealed record Query(Guid ProcessId) : IQuery<PollSettingsView>;

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, PollSettingsView>
    {
        public async ValueTask<PollSettingsView> Handle(Query query, CancellationToken cancellationToken)
        {
            await PollRules.EnsurePollProcessAsync(db, query.ProcessId, cancellationToken);
            var process = await db.Processes.AsNoTracking().Where(p => p.Id == query.ProcessId)
                .Select(p => new { p.Title, p.Slug, p.Status, p.OpensAt, p.ClosesAt, p.Organisation!.TimeZone })
                .SingleAsync(cancellationToken);
            var poll = await db.Polls.AsNoTracking().SingleOrDefaultAsync(p => p.ProcessId == query.ProcessId, cancellationToken);
            var answers = await db.PollAnswerSheets.CountAsync(s => s.ProcessId == query.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            return poll is null
                ? new PollSettingsView(query.ProcessId, process.Title, process.Slug, process.Status, process.TimeZone, false,
                    PollStage.Upcoming, Editable: true, "", PollAudience.Everyone, process.OpensAt, process.ClosesAt, false, 5, [], [], 0, null, null)
                : new PollSettingsView(query.ProcessId, process.Title, process.Slug, process.Status, process.TimeZone, true,
                    PollRules.StageAt(poll, now), Editable: poll.OpenedAt is null && now < poll.OpensAt, poll.ServiceName, poll.Audience,
                    poll.OpensAt, poll.ClosesAt, poll.LiveResults, poll.MinGroupSize, poll.Questions, poll.ManagerEmails, answers,
                    poll.ManagersResponse, poll.RespondedAt);
        }
    }

    public static RouteGroupBuilder MapGetPollSettings(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/settings", async Task<Ok<PollSettingsView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetPollSettings))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}

public sealed record PollSettingsView(
    Guid ProcessId, string Title, string Slug, ProcessStatus Status, string TimeZone, bool Configured, PollStage Stage, bool Editable,
    string ServiceName, PollAudience Audience, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, bool LiveResults, int MinGroupSize,
    IReadOnlyList<PollQuestion> Questions, IReadOnlyList<string> ManagerEmails, int Answers, string? ManagersResponse,
    DateTimeOffset? RespondedAt);
