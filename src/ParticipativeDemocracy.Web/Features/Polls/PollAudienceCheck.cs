using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>Who is answering: an account or a voting-code pass, checked against the poll's audience.</summary>
public sealed record PollRespondentIdentity(string VoterKey, PlayerLevel? Level, string? AccountEmail);

public sealed class PollAudienceCheck(AppDbContext db, EligibilityService eligibility, VotingCodes codes)
{
    public async Task<PollRespondentIdentity> IdentifyAsync(Poll poll, Guid? userId, string? pass, CancellationToken cancellationToken)
    {
        if (poll.Audience == PollAudience.CodeHolders)
        {
            var read = string.IsNullOrWhiteSpace(pass) ? null : codes.ReadPass(pass);
            if (read is not { } holder || holder.ProcessId != poll.ProcessId)
            {
                throw new ForbiddenException("This poll is for holders of a one-time code: enter the code from your letter first.");
            }

            return new PollRespondentIdentity($"code:{holder.CodeId:N}", null, null);
        }

        if (userId is not { } id)
        {
            throw new ForbiddenException("Sign in to answer this poll.");
        }

        var decision = await eligibility.CheckUserAsync(poll.ProcessId, id, cancellationToken);
        if (!decision.IsEligible)
        {
            throw new ForbiddenException($"You cannot take part in this poll: {string.Join(", ", decision.Reasons)}.");
        }

        if (poll.Audience == PollAudience.Roll && !await IsOnRollAsync(poll.ProcessId, id, cancellationToken))
        {
            throw new ForbiddenException("This poll is for the people on the service's roll: verify your details against the roll first.");
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.PlayerLevel, u.Email }).SingleAsync(cancellationToken);
        return new PollRespondentIdentity($"user:{id:N}", user.PlayerLevel, user.Email);
    }

    private async Task<bool> IsOnRollAsync(Guid processId, Guid userId, CancellationToken cancellationToken)
    {
        var organisationId = await db.Processes.Where(p => p.Id == processId).Select(p => p.OrganisationId).SingleAsync(cancellationToken);
        return await (from v in db.RollVerifications
                      join r in db.VoterRolls on v.RollId equals r.Id
                      where v.UserId == userId && (r.ProcessId == processId || (r.ProcessId == null && r.OrganisationId == organisationId))
                      select v).AnyAsync(cancellationToken);
    }
}
