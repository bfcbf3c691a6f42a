using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// An officer withdraws a member from the panel (they moved away, fell ill, stopped coming). A resident who
/// was drawn by lot is replaced by the replacement draw, keeping the quotas; a vertical-slice member is not.
/// Audited.
/// </summary>
public static class WithdrawPanelMember
{
    public sealed record Command(Guid ProcessId, Guid MemberId) : ICommand<Withdrawn>;

    /// <param name="Replaceable">Whether the member was drawn by lot, so a replacement is drawn for them.</param>
    /// <param name="Problem">Why no replacement could be drawn, when none fits the quotas.</param>
    public sealed record Withdrawn(Guid MemberId, bool Replaceable, int Replacements, string? Problem);

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit, JuryReplacements replacements)
        : ICommandHandler<Command, Withdrawn>
    {
        public async ValueTask<Withdrawn> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryGuard.JuryProcessAsync(db, command.ProcessId, cancellationToken);
            await JuryGuard.LockAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            var member = await db.JuryPanelMembers.SingleOrDefaultAsync(m => m.Id == command.MemberId && m.ProcessId == command.ProcessId, cancellationToken)
                ?? throw new NotFoundException("Panel member", command.MemberId);
            if (member.Status == JuryMemberStatus.Withdrawn)
            {
                throw new ConflictException($"{member.DisplayName} has already been withdrawn from the panel.");
            }

            member.Status = JuryMemberStatus.Withdrawn;
            member.LeftAt = now;
            var email = await db.Users.Where(u => u.Id == member.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
            var invitation = await (from i in db.JuryInvitations
                                    join v in db.JuryVolunteers on i.VolunteerId equals v.Id
                                    where i.ProcessId == command.ProcessId && v.Email == email && i.Status == JuryInvitationStatus.Confirmed
                                    select i).SingleOrDefaultAsync(cancellationToken);
            if (invitation is not null)
            {
                invitation.Status = JuryInvitationStatus.Withdrawn;
            }

            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(WithdrawPanelMember), "Jury", command.ProcessId, new { member.Id, member.DisplayName, Status = "Active" },
                new { member.Id, member.DisplayName, Status = "Withdrawn", Replaceable = invitation is not null }, cancellationToken);
            var (drawn, problem) = invitation is null ? (0, null) : await replacements.ReplaceAsync(command.ProcessId, now, cancellationToken);
            return new Withdrawn(member.Id, invitation is not null, drawn, problem);
        }
    }

    public static RouteGroupBuilder MapWithdrawPanelMember(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/members/{memberId:guid}/withdrawal", async Task<Ok<Withdrawn>> (
                Guid processId, Guid memberId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, memberId), ct)))
            .WithName(nameof(WithdrawPanelMember))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
