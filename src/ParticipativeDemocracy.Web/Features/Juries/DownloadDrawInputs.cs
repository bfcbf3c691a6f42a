using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>The anonymised inputs of a finished draw, byte for byte as hashed and run: categories.csv and respondents.csv.</summary>
public static class DownloadDrawInputs
{
    public sealed record Query(Guid ProcessId, bool Respondents) : IQuery<string>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var draw = await db.JuryDraws.AsNoTracking()
                .Where(d => d.ProcessId == query.ProcessId && d.Status == JuryDrawStatus.Succeeded)
                .Select(d => new { d.CategoriesCsv, d.RespondentsCsv })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Draw of jury", query.ProcessId);
            return query.Respondents ? draw.RespondentsCsv : draw.CategoriesCsv;
        }
    }

    public static RouteGroupBuilder MapDownloadDrawInputs(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/draw/categories.csv", async Task<FileContentHttpResult> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new Query(processId, Respondents: false), ct)), "text/csv; charset=utf-8", "categories.csv"))
            .WithName("DownloadDrawCategories")
            .AllowAnonymous();
        group.MapGet("/{processId:guid}/draw/respondents.csv", async Task<FileContentHttpResult> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new Query(processId, Respondents: true), ct)), "text/csv; charset=utf-8", "respondents.csv"))
            .WithName("DownloadDrawRespondents")
            .AllowAnonymous();
        return group;
    }
}
