using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Eligibility;

/// <summary>A signed-in participant asks whether they may take part, and if not, why.</summary>
public static class CheckMyEligibility
{
    public sealed record Query(Guid ProcessId, Guid UserId) : IQuery<EligibilityDecision>;

    public sealed class Handler(EligibilityService eligibility) : IQueryHandler<Query, EligibilityDecision>
    {
        public async ValueTask<EligibilityDecision> Handle(Query query, CancellationToken cancellationToken) =>
            await eligibility.CheckUserAsync(query.ProcessId, query.UserId, cancellationToken);
    }

    public static RouteGroupBuilder MapCheckMyEligibility(this RouteGroupBuilder group)
    {
        group.MapGet("/me", async Task<Ok<EligibilityDecision>> (
                Guid processId, HttpContext context, UserManager<AppUser> users, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId, Guid.Parse(users.GetUserId(context.User)!)), ct)))
            .WithName(nameof(CheckMyEligibility))
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
