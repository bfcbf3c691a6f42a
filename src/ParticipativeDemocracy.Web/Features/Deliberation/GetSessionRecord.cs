using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>What the room decided, in order: starts and ends, floors given, agenda moves, straw polls and their results.</summary>
public static class GetSessionRecord
{
    public sealed record Query(Guid SessionId) : IQuery<SessionRecordView>;

    public sealed record SessionRecordView(Guid SessionId, Guid ProcessId, string Title, IReadOnlyList<EntryView> Entries);

    /// <summary><see cref="Args"/> null: a line recorded before phrases were kept; only its English <see cref="Text"/> exists.</summary>
    public sealed record EntryView(DateTimeOffset At, string Kind, IReadOnlyList<string>? Args, string Text, string Actor);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, SessionRecordView>
    {
        public async ValueTask<SessionRecordView> Handle(Query query, CancellationToken cancellationToken)
        {
            var session = await db.JurySessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.SessionId, cancellationToken)
                ?? throw new NotFoundException("Session", query.SessionId);
            var entries = await db.SessionRecord.AsNoTracking().Where(e => e.SessionId == session.Id).OrderBy(e => e.Id)
                .Select(e => new EntryView(e.At, e.Kind, e.Args, e.Text, e.ActorName)).ToListAsync(cancellationToken);
            return new SessionRecordView(session.Id, session.ProcessId, session.Title, entries);
        }
    }

    public static RouteGroupBuilder MapGetSessionRecord(this RouteGroupBuilder group)
    {
        group.MapGet("/sessions/{sessionId:guid}/record", async Task<Ok<SessionRecordView>> (
                Guid sessionId, ClaimsPrincipal user, ISender sender, AppDbContext db, CancellationToken ct) =>
            {
                var record = await sender.Send(new Query(sessionId), ct);
                await JuryAccess.EnsureInsiderAsync(db, record.ProcessId, user, ct);
                return TypedResults.Ok(record);
            })
            .WithName(nameof(GetSessionRecord))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
