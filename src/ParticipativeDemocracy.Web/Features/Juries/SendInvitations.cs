using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>An officer sends the invitations to the people drawn: an e-mail with a confirm/decline link and a deadline.</summary>
public static class SendInvitations
{
    public sealed record Command(Guid ProcessId) : ICommand<Sent>;

    public sealed record Sent(int Invitations, DateTimeOffset DeadlineAt);

    public sealed class Handler(AppDbContext db, TimeProvider clock, EmailOutbox outbox, AuditTrail audit) : ICommandHandler<Command, Sent>
    {
        public async ValueTask<Sent> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await JuryGuard.SettingsAsync(db, command.ProcessId, cancellationToken);
            var title = await db.Processes.Where(p => p.Id == command.ProcessId).Select(p => p.Title).SingleAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var deadline = now.AddDays(settings.ResponseDays);
            var drawn = await (from i in db.JuryInvitations
                               join v in db.JuryVolunteers on i.VolunteerId equals v.Id
                               where i.ProcessId == command.ProcessId && i.Status == JuryInvitationStatus.Drawn
                               select new { i, v }).ToListAsync(cancellationToken);
            foreach (var pair in drawn)
            {
                pair.i.Status = JuryInvitationStatus.Pending;
                pair.i.SentAt = now;
                pair.i.DeadlineAt = deadline;
                await InvitationMail.SendAsync(outbox, pair.i, pair.v, title, reminder: false, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(SendInvitations), "Jury", command.ProcessId, before: null, new { Count = drawn.Count, DeadlineAt = deadline }, cancellationToken);
            return new Sent(drawn.Count, deadline);
        }
    }

    public static RouteGroupBuilder MapSendInvitations(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/invitations", async Task<Ok<Sent>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId), ct)))
            .WithName(nameof(SendInvitations))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
