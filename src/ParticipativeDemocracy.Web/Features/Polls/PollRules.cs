using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Features.Polls;

public enum PollStage
{
    Upcoming,
    Open,
    Closing,
    Closed,
    Answered,
}

/// <summary>Where a poll is in its life, and who may see what of it.</summary>
public static class PollRules
{
    public static async Task<Poll> LoadAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        await db.Polls.SingleOrDefaultAsync(p => p.ProcessId == processId, cancellationToken)
        ?? throw new NotFoundException("Service-user poll", processId);

    public static PollStage StageAt(Poll poll, DateTimeOffset now) => poll switch
    {
        { RespondedAt: not null } => PollStage.Answered,
        { ClosedAt: not null } => PollStage.Closed,
        _ when now >= poll.ClosesAt => PollStage.Closing,
        _ when now >= poll.OpensAt => PollStage.Open,
        _ => PollStage.Upcoming,
    };

    public static void EnsureOpen(Poll poll, DateTimeOffset now)
    {
        if (StageAt(poll, now) != PollStage.Open)
        {
            throw new ConflictException(now < poll.OpensAt
                ? $"This poll opens at {poll.OpensAt:yyyy-MM-dd HH:mm} UTC."
                : "This poll has closed: no more answers are taken.");
        }
    }

    public static bool IsOfficer(ClaimsPrincipal user) => user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Administrator);

    public static bool IsManager(Poll poll, ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) is { } email
            ? poll.ManagerEmails.Contains(email, StringComparer.OrdinalIgnoreCase)
            : user.Identity?.Name is { } name && poll.ManagerEmails.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Officers and the service's managers read everything, free text included.</summary>
    public static void EnsureOfficerOrManager(Poll poll, ClaimsPrincipal user)
    {
        if (!IsOfficer(user) && !IsManager(poll, user))
        {
            throw new ForbiddenException("Only the council's officers and the service's managers can do this.");
        }
    }

    /// <summary>The public sees results live if the officer allowed it, otherwise once the managers have answered.</summary>
    public static bool PublicCanSeeResults(Poll poll) => poll.LiveResults || poll.RespondedAt is not null;

    public static async Task<string> ProcessTitleAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        await db.Processes.Where(p => p.Id == processId).Select(p => p.Title).SingleAsync(cancellationToken);

    public static async Task EnsurePollProcessAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        var kind = await db.Processes.Where(p => p.Id == processId).Select(p => (ProcessKind?)p.Kind).SingleOrDefaultAsync(cancellationToken);
        if (kind is null)
        {
            throw new NotFoundException("Process", processId);
        }

        if (kind != ProcessKind.ServiceUserPoll)
        {
            throw new ConflictException("This process is not a service-user poll.");
        }
    }
}
