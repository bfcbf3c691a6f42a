using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Account;

/// <summary>What a person did in the processes: supports, comments, reports and follows, for their data download.</summary>
public static class PersonalActivity
{
    public sealed record Activity(
        IReadOnlyList<Support> ProposalSupports, IReadOnlyList<Comment> Comments, IReadOnlyList<Report> CommentReports,
        IReadOnlyList<Follow> Follows);

    public sealed record Support(string Process, string Proposal, DateTimeOffset At);

    public sealed record Comment(string Process, string Proposal, string Body, DateTimeOffset At, bool Reply, string? HiddenReason);

    public sealed record Report(string Proposal, string? Reason, DateTimeOffset At);

    /// <summary>Kind: "process" (results of a budget), "project" (implementation updates), "jury" or "partnership".</summary>
    public sealed record Follow(string Kind, string Process, string? Project, DateTimeOffset Since);

    public static async Task<Activity> ReadAsync(AppDbContext db, Guid userId, string? email, CancellationToken cancellationToken)
    {
        var supports = await (from s in db.ProposalSupports.AsNoTracking()
                              join p in db.BudgetProjects on s.ProjectId equals p.Id
                              join process in db.Processes on s.ProcessId equals process.Id
                              where s.UserId == userId
                              orderby s.CreatedAt
                              select new Support(process.Title, p.Code + " " + p.Title, s.CreatedAt)).ToListAsync(cancellationToken);
        var comments = await (from c in db.BudgetComments.AsNoTracking()
                              join p in db.BudgetProjects on c.ProjectId equals p.Id
                              join process in db.Processes on c.ProcessId equals process.Id
                              where c.AuthorId == userId
                              orderby c.CreatedAt
                              select new Comment(process.Title, p.Code + " " + p.Title, c.Body, c.CreatedAt, c.ParentId != null, c.HiddenReason))
            .ToListAsync(cancellationToken);
        var reports = await (from r in db.CommentReports.AsNoTracking()
                             join c in db.BudgetComments on r.CommentId equals c.Id
                             join p in db.BudgetProjects on c.ProjectId equals p.Id
                             where r.ReporterId == userId
                             orderby r.CreatedAt
                             select new Report(p.Code + " " + p.Title, r.Reason, r.CreatedAt)).ToListAsync(cancellationToken);
        var follows = new List<Follow>();
        follows.AddRange(await (from f in db.ProcessFollowers.AsNoTracking()
                                join process in db.Processes on f.ProcessId equals process.Id
                                where f.UserId == userId
                                select new Follow("process", process.Title, null, f.CreatedAt)).ToListAsync(cancellationToken));
        follows.AddRange(await (from f in db.ProjectFollowers.AsNoTracking()
                                join p in db.BudgetProjects on f.ProjectId equals p.Id
                                join process in db.Processes on p.ProcessId equals process.Id
                                where f.UserId == userId
                                select new Follow("project", process.Title, p.Code + " " + p.Title, f.CreatedAt)).ToListAsync(cancellationToken));
        follows.AddRange(await (from f in db.JuryFollowers.AsNoTracking()
                                join process in db.Processes on f.ProcessId equals process.Id
                                where f.UserId == userId
                                select new Follow("jury", process.Title, null, f.FollowedAt)).ToListAsync(cancellationToken));
        if (!string.IsNullOrEmpty(email))
        {
            // Partnership followers are kept by address (they need no account).
            follows.AddRange(await (from f in db.PartnershipFollowers.AsNoTracking()
                                    join process in db.Processes on f.ProcessId equals process.Id
                                    where f.Email == email
                                    select new Follow("partnership", process.Title, null, f.FollowedAt)).ToListAsync(cancellationToken));
        }

        return new Activity(supports, comments, reports, [.. follows.OrderBy(f => f.Since)]);
    }
}
