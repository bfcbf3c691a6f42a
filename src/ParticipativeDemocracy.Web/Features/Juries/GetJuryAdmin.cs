using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>What officers see of a jury: its settings, the pool's size, the latest draw and the invitations.</summary>
public static class GetJuryAdmin
{
    public sealed record Query(Guid ProcessId) : IQuery<JuryAdminView>;

    public sealed record JuryAdminView(
        Guid ProcessId, string Title, string Slug, string TimeZone, bool Configured, string Remit, int PanelSize,
        IReadOnlyList<QuotaLine> Quotas, DateTimeOffset? RecruitmentOpensAt, DateTimeOffset? RecruitmentClosesAt,
        int ResponseDays, string Algorithm, int PoolSize, bool Locked, DrawView? Draw,
        IReadOnlyDictionary<string, int> Invitations, int PanelMembers, ReplacementAlert? Alert = null,
        IReadOnlyList<ScheduledSession>? Schedule = null);

    /// <summary>The last time replacements could not be drawn, while the panel is still short of its size.</summary>
    public sealed record ReplacementAlert(DateTimeOffset At, string Reason);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, JuryAdminView>
    {
        public async ValueTask<JuryAdminView> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await JuryGuard.JuryProcessAsync(db, query.ProcessId, cancellationToken);
            var zone = await db.Organisations.Where(o => o.Id == process.OrganisationId).Select(o => o.TimeZone).SingleAsync(cancellationToken);
            var settings = await db.JurySettings.AsNoTracking().SingleOrDefaultAsync(s => s.ProcessId == query.ProcessId, cancellationToken);
            var quotas = await db.JuryQuotas.AsNoTracking().Where(q => q.ProcessId == query.ProcessId).OrderBy(q => q.Position)
                .Select(q => new QuotaLine(q.Category, q.Value, q.Min, q.Max)).ToListAsync(cancellationToken);
            var pool = await db.JuryVolunteers.CountAsync(v => v.ProcessId == query.ProcessId, cancellationToken);
            var draw = await db.JuryDraws.AsNoTracking().Where(d => d.ProcessId == query.ProcessId)
                .OrderByDescending(d => d.RequestedAt).FirstOrDefaultAsync(cancellationToken);
            var invitations = await db.JuryInvitations.Where(i => i.ProcessId == query.ProcessId)
                .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var members = await db.JuryPanelMembers.CountAsync(m => m.ProcessId == query.ProcessId && m.Status == JuryMemberStatus.Active, cancellationToken);
            var alert = await AlertAsync(query.ProcessId, settings?.PanelSize ?? 0, members, cancellationToken);
            return new JuryAdminView(
                process.Id, process.Title, process.Slug, zone, settings is not null, settings?.Remit ?? "", settings?.PanelSize ?? 0, quotas,
                settings?.RecruitmentOpensAt, settings?.RecruitmentClosesAt, settings?.ResponseDays ?? 7, settings?.Algorithm ?? "Leximin",
                pool, draw?.Status is JuryDrawStatus.Queued or JuryDrawStatus.Running or JuryDrawStatus.Succeeded,
                draw is null ? null : DrawView.From(draw),
                invitations.ToDictionary(i => i.Key.ToString(), i => i.Count, StringComparer.Ordinal), members, alert,
                settings is null ? [] : JurySchedule.Read(settings.Schedule));
        }

        private async Task<ReplacementAlert?> AlertAsync(Guid processId, int panelSize, int members, CancellationToken cancellationToken)
        {
            var target = processId.ToString();
            var last = await db.AuditEntries.AsNoTracking()
                .Where(a => a.TargetType == "Jury" && a.TargetId == target && (a.Action == JuryReplacements.ImpossibleAction || a.Action == "DrawReplacements"))
                .OrderByDescending(a => a.Sequence).Select(a => new { a.Action, a.At, a.After }).FirstOrDefaultAsync(cancellationToken);
            if (last is not { Action: JuryReplacements.ImpossibleAction } || members >= panelSize)
            {
                return null;
            }

            using var after = System.Text.Json.JsonDocument.Parse(last.After ?? "{}");
            var reason = after.RootElement.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "";
            return new ReplacementAlert(last.At, reason);
        }
    }

    public static RouteGroupBuilder MapGetJuryAdmin(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}", async Task<Ok<JuryAdminView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetJuryAdmin))
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
