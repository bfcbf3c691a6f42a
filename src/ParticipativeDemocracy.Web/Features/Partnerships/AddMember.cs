using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>An officer adds a member at one player level; they take part by signing in with this e-mail address.</summary>
public static class AddMember
{
    public sealed record Command(Guid ProcessId, string Name, string Email, PlayerLevel Level, string? Role) : ICommand<Added>;

    public sealed record Request(string Name, string Email, PlayerLevel Level, string? Role);

    public sealed record Added(Guid Id, Composition Composition);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
            RuleFor(c => c.Level).IsInEnum();
            RuleFor(c => c.Role).MaximumLength(200);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, Added>
    {
        public async ValueTask<Added> Handle(Command command, CancellationToken cancellationToken)
        {
            await PartnershipRules.LoadAsync(db, command.ProcessId, cancellationToken);
            // Stored in lower case so the member is found whatever case they sign in with.
            var email = command.Email.Trim().ToLowerInvariant();
            if (await db.PartnershipMembers.AnyAsync(m => m.ProcessId == command.ProcessId && m.Email == email, cancellationToken))
            {
                throw new ConflictException("This person is already a member of the partnership.");
            }

            var now = clock.GetUtcNow();
            var member = new PartnershipMember
            {
                Id = Guid.CreateVersion7(now), ProcessId = command.ProcessId, Name = command.Name.Trim(), Email = email,
                Level = command.Level, Role = string.IsNullOrWhiteSpace(command.Role) ? null : command.Role.Trim(), JoinedAt = now,
            };
            db.PartnershipMembers.Add(member);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(AddMember), nameof(PartnershipMember), member.Id, null, new { member.Name, member.Level, member.Role }, cancellationToken);
            var levels = await db.PartnershipMembers.Where(m => m.ProcessId == command.ProcessId).Select(m => m.Level).ToListAsync(cancellationToken);
            return new Added(member.Id, PartnershipRules.CompositionOf(levels));
        }
    }

    public static RouteGroupBuilder MapAddMember(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/members", async Task<Created<Added>> (Guid processId, Request request, ISender sender, CancellationToken ct) =>
            {
                var added = await sender.Send(new Command(processId, request.Name, request.Email, request.Level, request.Role), ct);
                return TypedResults.Created($"/api/partnerships/{processId}", added);
            })
            .WithName(nameof(AddMember))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
