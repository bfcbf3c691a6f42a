using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>What anyone may know about a poll: its service, questions, dates, stage and the managers' response.</summary>
public static class GetPoll
{
    /// <summary>Found by id (API) or by the process's address (pages).</summary>
    public sealed record Query(Guid? ProcessId, string? Slug = null) : IQuery<PollView>;

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, PollView>
    {
        public async ValueTask<PollView> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await (from p in db.Processes.AsNoTracking()
                               join settings in db.Polls.AsNoTracking() on p.Id equals settings.ProcessId
                               where p.Kind == ProcessKind.ServiceUserPoll && p.Status != ProcessStatus.Draft
                                     && (query.ProcessId == null ? p.Slug == query.Slug : p.Id == query.ProcessId)
                               select new { p.Id, p.Slug, p.Title, p.Summary, Organisation = p.Organisation!.Name, p.Organisation.TimeZone, Poll = settings })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Service-user poll", (object?)query.ProcessId ?? query.Slug ?? "");
            var poll = found.Poll;
            var answers = await db.PollAnswerSheets.CountAsync(s => s.ProcessId == found.Id, cancellationToken);
            return new PollView(found.Id, found.Slug, found.Title, found.Summary, found.Organisation, found.TimeZone, poll.ServiceName,
                poll.Audience, poll.OpensAt, poll.ClosesAt, PollRules.StageAt(poll, clock.GetUtcNow()), poll.LiveResults,
                poll.MinGroupSize, poll.Questions, answers, poll.ManagersResponse, poll.RespondedAt);
        }
    }

    public static RouteGroupBuilder MapGetPoll(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}", async Task<Ok<PollView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetPoll))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}

public sealed record PollView(
    Guid ProcessId, string Slug, string Title, string Summary, string Organisation, string TimeZone, string ServiceName,
    PollAudience Audience, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, PollStage Stage, bool LiveResults, int MinGroupSize,
    IReadOnlyList<PollQuestion> Questions, int Answers, string? ManagersResponse, DateTimeOffset? RespondedAt);
