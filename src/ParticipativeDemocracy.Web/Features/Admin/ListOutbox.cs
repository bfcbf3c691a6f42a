using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Admin;

/// <summary>
/// Recent outgoing mail for administrators. Bodies carry sign-in links, so a body is shown only
/// while it is held for want of an SMTP server (the local demo), never once it has been sent.
/// </summary>
public static class ListOutbox
{
    public sealed record Query(int Take = 100) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string To, string Subject, OutboxEmailStatus Status, int Attempts,
        string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? Body);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.OutboxEmails.AsNoTracking()
                .OrderByDescending(e => e.CreatedAt)
                .Take(Math.Clamp(query.Take, 1, 500))
                .Select(e => new Item(e.Id, e.To, e.Subject, e.Status, e.Attempts, e.LastError, e.CreatedAt, e.SentAt,
                    e.Status == OutboxEmailStatus.Held ? e.TextBody : null))
                .ToListAsync(cancellationToken);
    }

    public static RouteGroupBuilder MapListOutbox(this RouteGroupBuilder group)
    {
        group.MapGet("/outbox", async Task<Ok<IReadOnlyList<Item>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName(nameof(ListOutbox))
            .RequireAuthorization(Policies.Administrator);
        return group;
    }
}
