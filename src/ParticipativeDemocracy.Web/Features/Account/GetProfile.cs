using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Account;

public static class GetProfile
{
    public sealed record Query(Guid UserId) : IQuery<Profile>;

    public sealed record Profile(string Email, string DisplayName, PlayerLevel? PlayerLevel);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Profile>
    {
        public async ValueTask<Profile> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Users.AsNoTracking()
                .Where(u => u.Id == query.UserId)
                .Select(u => new Profile(u.Email ?? "", u.DisplayName, u.PlayerLevel))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("User", query.UserId);
    }
}
