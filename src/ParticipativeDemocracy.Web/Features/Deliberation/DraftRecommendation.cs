using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A member drafts a recommendation for the panel to vote on.</summary>
public static class DraftRecommendation
{
    public sealed record Command(Guid ProcessId, Guid UserId, string Title, string Text) : ICommand<Drafted>;

    public sealed record Request(string Title, string Text);

    public sealed record Drafted(Guid Id, string Code);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Text).NotEmpty().MaximumLength(4000);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Drafted>
    {
        public async ValueTask<Drafted> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryAccess.JuryAsync(db, command.ProcessId, cancellationToken);
            var member = await JuryAccess.MemberAsync(db, command.ProcessId, command.UserId, cancellationToken);
            // Codes are numbered per jury; a per-jury advisory lock keeps two drafts from taking the same number.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({command.ProcessId.ToString()}))", cancellationToken);
            var count = await db.Recommendations.CountAsync(r => r.ProcessId == command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            var recommendation = new Recommendation
            {
                Id = Guid.CreateVersion7(now),
                ProcessId = command.ProcessId,
                Code = $"R{count + 1:D2}",
                Title = command.Title.Trim(),
                Text = command.Text.Trim(),
                DraftedById = member.UserId,
                DraftedByName = member.DisplayName,
                Status = RecommendationStatus.Draft,
                CreatedAt = now,
            };
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync(cancellationToken);
            return new Drafted(recommendation.Id, recommendation.Code);
        }
    }

    public static RouteGroupBuilder MapDraftRecommendation(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/recommendations", async Task<Created<Drafted>> (
                Guid processId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var drafted = await sender.Send(new Command(processId, JuryAccess.UserIdOf(user), request.Title, request.Text), ct);
                return TypedResults.Created($"/api/juries/recommendations/{drafted.Id}/tally", drafted);
            })
            .WithName(nameof(DraftRecommendation))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
