using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Eligibility;

/// <summary>A process's eligibility rules as officers set them; a process without rules admits anyone signed in.</summary>
public static class GetEligibilityRules
{
    public sealed record Query(Guid ProcessId) : IQuery<Rules>;

    public sealed record Rules(Guid ProcessId, int? MinimumAge, DateOnly? AgeOnDate, IReadOnlyList<string> Districts, bool RollRequired,
        DateTimeOffset? UpdatedAt);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Rules>
    {
        public async ValueTask<Rules> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Processes.AnyAsync(p => p.Id == query.ProcessId, cancellationToken))
            {
                throw new NotFoundException("Process", query.ProcessId);
            }

            var rules = await db.ProcessEligibility.AsNoTracking().SingleOrDefaultAsync(r => r.ProcessId == query.ProcessId, cancellationToken);
            return rules is null
                ? new Rules(query.ProcessId, null, null, [], false, null)
                : new Rules(rules.ProcessId, rules.MinimumAge, rules.AgeOnDate, [.. rules.Districts], rules.RollRequired, rules.UpdatedAt);
        }
    }

    public static RouteGroupBuilder MapGetEligibilityRules(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<Rules>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetEligibilityRules))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
