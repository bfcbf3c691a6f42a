using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// An officer seats a vertical-slice member directly — a front-line worker, manager or policy maker —
/// next to the residents drawn by lot. Audited.
/// </summary>
public static class AddPanelMember
{
    public sealed record Command(Guid ProcessId, string Email, string DisplayName, PlayerLevel PlayerLevel) : ICommand<PanelMemberRow>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
            RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.PlayerLevel).IsInEnum();
        }
    }

    public sealed class Handler(AppDbContext db, PanelAccounts panel, AuditTrail audit) : ICommandHandler<Command, PanelMemberRow>
    {
        public async ValueTask<PanelMemberRow> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryGuard.SettingsAsync(db, command.ProcessId, cancellationToken);
            var member = await panel.SeatAsync(command.ProcessId, command.Email.Trim().ToLowerInvariant(), command.DisplayName.Trim(), command.PlayerLevel, cancellationToken);
            await audit.RecordAsync(nameof(AddPanelMember), nameof(JuryPanelMember), member.Id, before: null,
                new { command.ProcessId, member.UserId, member.DisplayName, member.PlayerLevel }, cancellationToken);
            return new PanelMemberRow(member.Id, member.UserId, member.DisplayName, member.PlayerLevel?.ToString(), member.Status.ToString(), member.JoinedAt);
        }
    }

    public sealed record Body(string Email, string DisplayName, PlayerLevel PlayerLevel);

    public static RouteGroupBuilder MapAddPanelMember(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/members", async Task<Created<PanelMemberRow>> (Guid processId, Body body, ISender sender, CancellationToken ct) =>
            {
                var row = await sender.Send(new Command(processId, body.Email, body.DisplayName, body.PlayerLevel), ct);
                return TypedResults.Created($"/api/juries/{processId}/members", row);
            })
            .WithName(nameof(AddPanelMember))
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}

/// <summary>One seat on a panel, as officers see it.</summary>
public sealed record PanelMemberRow(Guid Id, Guid UserId, string DisplayName, string? PlayerLevel, string Status, DateTimeOffset JoinedAt);
