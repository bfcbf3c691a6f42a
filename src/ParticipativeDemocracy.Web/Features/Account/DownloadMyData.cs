using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Account;

/// <summary>Everything the platform holds about the signed-in person, as a JSON download (right of access).</summary>
public static class DownloadMyData
{
    public sealed record Query(Guid UserId) : IQuery<MyData>;

    public sealed record MyData(string Email, string DisplayName, PlayerLevel? PlayerLevel, string? PreferredCulture,
        DateTimeOffset CreatedAt, bool EmailConfirmed, bool TwoFactorEnabled, IReadOnlyList<string> Roles,
        IReadOnlyList<Verification> RollVerifications, IReadOnlyList<Assisted> ActionsTakenForYou,
        IReadOnlyList<PersonalActivity.Support> ProposalSupports, IReadOnlyList<PersonalActivity.Comment> Comments,
        IReadOnlyList<PersonalActivity.Report> CommentReports, IReadOnlyList<PersonalActivity.Follow> Follows);

    public sealed record Verification(string Roll, string? District, DateOnly DateOfBirth, DateTimeOffset VerifiedAt);

    public sealed record Assisted(DateTimeOffset At, string Officer, string Action);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users) : IQueryHandler<Query, MyData>
    {
        public async ValueTask<MyData> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == query.UserId, cancellationToken)
                       ?? throw new NotFoundException("User", query.UserId);
            var verifications = await (from v in db.RollVerifications
                                       join e in db.VoterRollEntries on v.EntryId equals e.Id
                                       join r in db.VoterRolls on v.RollId equals r.Id
                                       where v.UserId == query.UserId
                                       select new Verification(r.Name, e.District, e.DateOfBirth, v.VerifiedAt))
                .ToListAsync(cancellationToken);
            var assisted = await db.AuditEntries.AsNoTracking()
                .Where(a => a.OnBehalfOfId == query.UserId)
                .OrderBy(a => a.Sequence)
                .Select(a => new Assisted(a.At, a.ActorName, a.Action))
                .ToListAsync(cancellationToken);
            var activity = await PersonalActivity.ReadAsync(db, query.UserId, user.Email, cancellationToken);
            return new MyData(user.Email ?? "", user.DisplayName, user.PlayerLevel, user.PreferredCulture, user.CreatedAt,
                user.EmailConfirmed, user.TwoFactorEnabled, [.. await users.GetRolesAsync(user)], verifications, assisted,
                activity.ProposalSupports, activity.Comments, activity.CommentReports, activity.Follows);
        }
    }

    public static IEndpointRouteBuilder MapDownloadMyData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/account/data", async Task<JsonHttpResult<MyData>> (
                HttpContext context, UserManager<AppUser> users, ISender sender, CancellationToken ct) =>
            {
                var data = await sender.Send(new Query(Guid.Parse(users.GetUserId(context.User)!)), ct);
                context.Response.Headers.ContentDisposition = "attachment; filename=\"my-data.json\"";
                return TypedResults.Json(data);
            })
            .WithName(nameof(DownloadMyData))
            .WithTags("Account")
            .RequireAuthorization(Policies.SignedIn);
        return app;
    }
}
