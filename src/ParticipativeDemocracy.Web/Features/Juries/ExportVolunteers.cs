using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>An officer downloads the pool in the import shape (personal data: the download is audited).</summary>
public static class ExportVolunteers
{
    public sealed record Command(Guid ProcessId) : ICommand<string>;

    public sealed class Handler(AppDbContext db, AuditTrail audit) : ICommandHandler<Command, string>
    {
        public async ValueTask<string> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryGuard.JuryProcessAsync(db, command.ProcessId, cancellationToken);
            var categories = await db.JuryQuotas.Where(q => q.ProcessId == command.ProcessId).OrderBy(q => q.Position)
                .Select(q => q.Category).ToListAsync(cancellationToken);
            categories = categories.Distinct(StringComparer.Ordinal).ToList();
            var volunteers = await db.JuryVolunteers.AsNoTracking().Where(v => v.ProcessId == command.ProcessId)
                .OrderBy(v => v.CreatedAt).ThenBy(v => v.Id).ToListAsync(cancellationToken);
            var csv = new StringBuilder(PoolCsv.Line(PoolCsv.Header(categories)));
            foreach (var v in volunteers)
            {
                var features = VolunteerFeatures.FromJson(v.Features);
                csv.Append(PoolCsv.Line([v.Reference, v.Name, v.Email, .. categories.Select(c => features.GetValueOrDefault(c) ?? ""),
                    v.AddressLine1, v.Postcode, v.Availability, v.AccessNeeds, v.Source.ToString()]));
            }

            await audit.RecordAsync(nameof(ExportVolunteers), "Jury", command.ProcessId, before: null, new { Rows = volunteers.Count }, cancellationToken);
            return csv.ToString();
        }
    }

    public static RouteGroupBuilder MapExportVolunteers(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/volunteers.csv", async Task<FileContentHttpResult> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new Command(processId), ct)), "text/csv; charset=utf-8", "pool.csv"))
            .WithName(nameof(ExportVolunteers))
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
