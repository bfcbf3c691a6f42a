using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Processes;

/// <summary>The councils and services on this installation, for officers choosing who runs a process.</summary>
public static class ListOrganisations
{
    public sealed record Query : IQuery<IReadOnlyList<OrganisationView>>;

    public sealed record OrganisationView(Guid Id, string Name, string TimeZone);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<OrganisationView>>
    {
        public async ValueTask<IReadOnlyList<OrganisationView>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
                .Select(o => new OrganisationView(o.Id, o.Name, o.TimeZone)).ToListAsync(cancellationToken);
    }

    public static RouteGroupBuilder MapListOrganisations(this RouteGroupBuilder group)
    {
        group.MapGet("/organisations", async Task<Ok<IReadOnlyList<OrganisationView>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName(nameof(ListOrganisations))
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
