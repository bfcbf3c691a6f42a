using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Admin;

/// <summary>
/// The newest entry's sequence and hash, to keep outside the platform (printed, e-mailed to the monitoring
/// officer, published). The chain alone cannot show that its newest entries were removed; an exported head can.
/// </summary>
public static class ExportAuditHead
{
    public sealed record Query : IQuery<Head>;

    public sealed record Head(long Sequence, string Hash, DateTimeOffset? At, DateTimeOffset ExportedAt);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, Head>
    {
        public async ValueTask<Head> Handle(Query query, CancellationToken cancellationToken)
        {
            var newest = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash, e.At })
                .FirstOrDefaultAsync(cancellationToken);
            return newest is null
                ? new Head(0, AuditChain.Genesis, null, clock.GetUtcNow())
                : new Head(newest.Sequence, newest.Hash, newest.At, clock.GetUtcNow());
        }
    }

    public static RouteGroupBuilder MapExportAuditHead(this RouteGroupBuilder group)
    {
        group.MapGet("/audit/head", async Task<Ok<Head>> (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var head = await sender.Send(new Query(), ct);
                var name = string.Create(CultureInfo.InvariantCulture, $"audit-head-{head.Sequence}.json");
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
                return TypedResults.Ok(head);
            })
            .WithName(nameof(ExportAuditHead))
            .RequireAuthorization(Policies.Administrator);
        return group;
    }
}
