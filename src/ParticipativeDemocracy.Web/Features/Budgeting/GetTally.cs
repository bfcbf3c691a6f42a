using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>Turnout (always public) and, as the officer configured, the running count per project.</summary>
public static class GetTally
{
    public sealed record Query(Guid ProcessId, bool AsOfficer) : IQuery<TallyView>;

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, TallyView>
    {
        public async ValueTask<TallyView> Handle(Query query, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, query.ProcessId, cancellationToken);
            var turnout = await db.BudgetBallots.CountAsync(b => b.ProcessId == query.ProcessId, cancellationToken);
            var showProjects = query.AsOfficer || settings.ClosedAt is not null || settings.TallyVisibility == TallyVisibility.Public;
            var projects = showProjects ? await ProjectCounts.ForAsync(db, query.ProcessId, cancellationToken) : null;
            return new TallyView(query.ProcessId, turnout, projects, clock.GetUtcNow());
        }
    }

    public static RouteGroupBuilder MapGetTally(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/tally", async Task<Ok<TallyView>> (Guid processId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId, user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Administrator)), ct)))
            .WithName(nameof(GetTally))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}

public sealed record TallyView(Guid ProcessId, int Ballots, IReadOnlyList<ProjectTally>? Projects, DateTimeOffset At);

public sealed record ProjectTally(Guid ProjectId, string Code, string Title, int Votes, int Points);
