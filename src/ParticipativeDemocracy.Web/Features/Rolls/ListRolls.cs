using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Rolls;

/// <summary>The rolls a resident can verify against (imported ones), with their organisation's name.</summary>
public static class ListRolls
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Name, string Organisation, Guid? ProcessId);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken) =>
            await (from roll in db.VoterRolls.AsNoTracking()
                   join organisation in db.Organisations on roll.OrganisationId equals organisation.Id
                   where roll.Status == VoterRollStatus.Ready
                   orderby organisation.Name, roll.Name
                   select new Item(roll.Id, roll.Name, organisation.Name, roll.ProcessId))
                .ToListAsync(cancellationToken);
    }

    public static RouteGroupBuilder MapListRolls(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<IReadOnlyList<Item>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName(nameof(ListRolls))
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
