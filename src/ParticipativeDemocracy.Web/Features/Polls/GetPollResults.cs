using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>
/// The counted answers, with an optional breakdown by player level. Officers and the service's managers
/// always see them; the public only while the officer allows live results or once the managers have responded.
/// </summary>
public static class GetPollResults
{
    public sealed record Query(Guid ProcessId, bool Privileged, bool ByPlayerLevel) : IQuery<PollResultsView>;

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, PollResultsView>
    {
        public async ValueTask<PollResultsView> Handle(Query query, CancellationToken cancellationToken)
        {
            var poll = await PollRules.LoadAsync(db, query.ProcessId, cancellationToken);
            if (!query.Privileged && !PollRules.PublicCanSeeResults(poll))
            {
                throw new ForbiddenException("The results of this poll are published once the service's managers have responded.");
            }

            var sheets = await db.PollAnswerSheets.AsNoTracking().Where(s => s.ProcessId == query.ProcessId).ToListAsync(cancellationToken);
            return new PollResultsView(query.ProcessId, sheets.Count, PollTally.Count(poll.Questions, sheets),
                query.ByPlayerLevel ? PollTally.Breakdown(poll.Questions, sheets, poll.MinGroupSize) : null,
                poll.MinGroupSize, clock.GetUtcNow());
        }
    }

    public static RouteGroupBuilder MapGetPollResults(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/results", async Task<Ok<PollResultsView>> (
                Guid processId, string? breakdown, ClaimsPrincipal user, AppDbContext db, ISender sender, CancellationToken ct) =>
            {
                var poll = await PollRules.LoadAsync(db, processId, ct);
                var privileged = PollRules.IsOfficer(user) || PollRules.IsManager(poll, user);
                var byLevel = string.Equals(breakdown, "playerLevel", StringComparison.OrdinalIgnoreCase);
                return TypedResults.Ok(await sender.Send(new Query(processId, privileged, byLevel), ct));
            })
            .WithName(nameof(GetPollResults))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}
