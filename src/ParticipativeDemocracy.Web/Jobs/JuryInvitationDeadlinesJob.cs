using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;
using ParticipativeDemocracy.Web.Features.Juries;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Every minute: reminders, lapsed invitations and replacement draws for every jury with invitations out.</summary>
public sealed class JuryInvitationDeadlinesJob(AppDbContext db, ISender sender)
{
    public const string Id = "jury-invitation-deadlines";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var juries = await db.JuryInvitations.AsNoTracking()
            .Where(i => i.Status == JuryInvitationStatus.Pending
                        || ((i.Status == JuryInvitationStatus.Declined || i.Status == JuryInvitationStatus.Lapsed || i.Status == JuryInvitationStatus.Withdrawn) && !i.Replaced))
            .Select(i => i.ProcessId).Distinct().ToListAsync(cancellationToken);
        var replacements = 0;
        foreach (var processId in juries)
        {
            replacements += (await sender.Send(new ProcessInvitationDeadlines.Command(processId), cancellationToken)).Replacements;
        }

        return replacements;
    }
}
