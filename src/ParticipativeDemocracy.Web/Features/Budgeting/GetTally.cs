using System.Security.Claims;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>Turnout (always public) and, as the officer configured, the running count per project.</summary>
public static class GetTally
{
    public sealed record Query(Guid ProcessId, bool AsOfficer) : IQuery<TallyView>;

    public sealed class Handler(AppDbContext db, TimeProvider clock, IStringLocalizer<BudgetText> t) : IQueryHandler<Query, TallyView>
    {
        public async ValueTask<TallyView> Handle(Query query, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, query.ProcessId, cancellationToken);
            var counts = await BudgetCounts.ForAsync(db, query.ProcessId, cancellationToken);
            var processBudgets = await ProcessBudgets.LoadAsync(db, query.ProcessId, cancellationToken);
            var budgets = processBudgets
                .Select(b => new BudgetTally(b.Id, b.Name, b.District, counts.GetValueOrDefault(b.Id)?.Ballots ?? 0))
                .ToList();
            // People, not ballots: a district resident who also votes city-wide has two registry rows, under one key or
            // (account, then roll-proven) two. Within one budget a registry row is one person.
            var voters = processBudgets.Count == 1
                ? counts.Values.Sum(c => c.Voters)
                : await BudgetCounts.VotersAsync(db, query.ProcessId, cancellationToken);
            // Hidden counts stay hidden until the whole count is done: paper ballots are still going in after the close.
            var projectsArePublic = settings.CountedAt is not null || settings.TallyVisibility == TallyVisibility.Public;
            var now = clock.GetUtcNow();
            var stage = BudgetPhase.StageAt(settings, now);
            var projects = query.AsOfficer || projectsArePublic ? await ProjectCounts.ForAsync(db, query.ProcessId, cancellationToken) : null;
            return new TallyView(query.ProcessId, budgets.Sum(b => b.Ballots), projects, now)
            {
                Budgets = budgets, Voters = voters, ProjectsArePublic = projectsArePublic, Stage = stage,
                CountingPaper = BudgetPhase.IsCountingPaper(settings),
                Notice = stage switch
                {
                    BudgetStage.Counting when BudgetPhase.IsCountingPaper(settings) => t["TallyCountingPaper"].Value,
                    BudgetStage.Counting => t["TallyCounting"].Value,
                    _ => null,
                },
            };
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

/// <summary>
/// <see cref="Ballots"/> counts ballots in all budgets (a resident of a district may cast two);
/// <see cref="Voters"/> counts the people who cast them (the turnout); <see cref="Budgets"/> has each budget's.
/// </summary>
public sealed record TallyView(Guid ProcessId, int Ballots, IReadOnlyList<ProjectTally>? Projects, DateTimeOffset At)
{
    public IReadOnlyList<BudgetTally> Budgets { get; init; } = [];

    /// <summary>Voting, Counting (closed, no results yet) or Results; before voting, Proposals.</summary>
    public BudgetStage Stage { get; init; }

    /// <summary>Online voting has closed and paper ballots are still being counted: no results yet.</summary>
    public bool CountingPaper { get; init; }

    /// <summary>What the stage means for people, in the request's language; null while voting and once counted.</summary>
    public string? Notice { get; init; }

    /// <summary>Distinct voters in the "has voted" registry across the process's budgets; ballots stay anonymous.</summary>
    public int Voters { get; init; }

    /// <summary>Whether the public may see <see cref="Projects"/> (the officer chose so, or voting has closed).</summary>
    [JsonIgnore]
    public bool ProjectsArePublic { get; init; }

    /// <summary>What the public sees of an officer's tally: everything but the per-project counts, unless those are public.</summary>
    public TallyView ForPublic() => ProjectsArePublic ? this : this with { Projects = null };
}

public sealed record BudgetTally(Guid BudgetId, string Name, string? District, int Ballots);

public sealed record ProjectTally(Guid ProjectId, string Code, string Title, int Votes, int Points, Guid BudgetId);
