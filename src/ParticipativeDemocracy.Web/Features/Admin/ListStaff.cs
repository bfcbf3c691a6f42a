using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Admin;

/// <summary>Officers and administrators, with whether they have an authenticator and whether they are disabled.</summary>
public static class ListStaff
{
    public sealed record Query : IQuery<IReadOnlyList<Member>>;

    public sealed record Member(Guid Id, string Email, string DisplayName, bool IsAdministrator, bool HasAuthenticator, bool IsDisabled);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Member>>
    {
        public async ValueTask<IReadOnlyList<Member>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var staffRoles = await db.Roles.Where(r => r.Name == Roles.Officer || r.Name == Roles.Administrator)
                .ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
            var links = await db.UserRoles.Where(ur => staffRoles.Keys.Contains(ur.RoleId)).ToListAsync(cancellationToken);
            var ids = links.Select(l => l.UserId).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Email).ToListAsync(cancellationToken);
            return users.Select(u => new Member(u.Id, u.Email ?? "", u.DisplayName,
                    links.Any(l => l.UserId == u.Id && staffRoles[l.RoleId] == Roles.Administrator),
                    u.TwoFactorEnabled, u.LockoutEnd > now))
                .ToList();
        }
    }

    public static RouteGroupBuilder MapListStaff(this RouteGroupBuilder group)
    {
        group.MapGet("/officers", async Task<Ok<IReadOnlyList<Member>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName(nameof(ListStaff))
            .RequireAuthorization(Policies.Administrator);
        return group;
    }
}
