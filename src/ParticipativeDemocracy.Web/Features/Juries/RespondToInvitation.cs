using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// The person drawn follows the e-mailed link and confirms or declines before the deadline. Confirming
/// seats them on the panel with a resident account and the JuryMember role.
/// </summary>
public static class RespondToInvitation
{
    public sealed record Command(string Token, bool Accept) : ICommand<Answered>;

    public sealed record Answered(Guid ProcessId, string Slug, string Status);

    public sealed record InvitationView(Guid ProcessId, string Title, string Slug, string Remit, string Name, string Status, DateTimeOffset? DeadlineAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(100);
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, PanelAccounts panel) : ICommandHandler<Command, Answered>
    {
        public async ValueTask<Answered> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var hash = InvitationMail.HashOf(command.Token);
            var status = command.Accept ? JuryInvitationStatus.Confirmed : JuryInvitationStatus.Declined;
            var won = await db.JuryInvitations
                .Where(i => i.TokenHash == hash && i.Status == JuryInvitationStatus.Pending && i.DeadlineAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status).SetProperty(i => i.RespondedAt, now), cancellationToken);
            var found = await (from i in db.JuryInvitations
                               join v in db.JuryVolunteers on i.VolunteerId equals v.Id
                               join p in db.Processes on i.ProcessId equals p.Id
                               where i.TokenHash == hash
                               select new { i.Status, i.DeadlineAt, v.Email, v.Name, p.Id, p.Slug })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Invitation", "link");
            if (won == 0)
            {
                throw new ConflictException(found.Status switch
                {
                    JuryInvitationStatus.Confirmed => "You have already confirmed your place.",
                    JuryInvitationStatus.Declined => "You have already declined this invitation.",
                    _ => "The deadline to answer this invitation has passed.",
                });
            }

            if (command.Accept)
            {
                await panel.SeatAsync(found.Id, found.Email, found.Name, level: null, cancellationToken);
            }

            return new Answered(found.Id, found.Slug, status.ToString());
        }
    }

    /// <summary>What the invitation page shows before the person answers.</summary>
    public static async Task<InvitationView?> FindAsync(AppDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = InvitationMail.HashOf(token);
        return await (from i in db.JuryInvitations
                      join v in db.JuryVolunteers on i.VolunteerId equals v.Id
                      join p in db.Processes on i.ProcessId equals p.Id
                      join s in db.JurySettings on p.Id equals s.ProcessId
                      where i.TokenHash == hash
                      select new InvitationView(p.Id, p.Title, p.Slug, s.Remit, v.Name, i.Status.ToString(), i.DeadlineAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public sealed record Body(bool Accept);

    public static RouteGroupBuilder MapRespondToInvitation(this RouteGroupBuilder group)
    {
        group.MapPost("/invitations/{token}", async Task<Ok<Answered>> (string token, Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(token, body.Accept), ct)))
            .WithName(nameof(RespondToInvitation))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(Common.Hosting.RateLimits.CodeRedemption)
            .AllowAnonymous();
        return group;
    }
}
