using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Voting;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// The published outcome: winners in selection order with cost and votes, the explanation, and how to
/// re-count. Officers also see the same ballots counted under the other rules, side by side.
/// </summary>
public static class GetResults
{
    /// <summary><see cref="BudgetId"/> null: the process's first budget; the view lists the others.</summary>
    public sealed record Query(Guid ProcessId, bool AsOfficer = false, Guid? BudgetId = null) : IQuery<ResultsView>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, ResultsView>
    {
        public async ValueTask<ResultsView> Handle(Query query, CancellationToken cancellationToken)
        {
            var budgets = await ProcessBudgets.LoadAsync(db, query.ProcessId, cancellationToken);
            var budget = (query.BudgetId is { } id ? budgets.FirstOrDefault(b => b.Id == id) : budgets.FirstOrDefault())
                ?? throw new NotFoundException("Budget", query.BudgetId ?? query.ProcessId);
            var settings = await BudgetPhase.LoadSettingsAsync(db, query.ProcessId, cancellationToken);
            var outcome = await db.BudgetOutcomes.AsNoTracking().SingleOrDefaultAsync(o => o.BudgetId == budget.Id, cancellationToken)
                ?? throw (BudgetPhase.IsCountingPaper(settings)
                    ? new ConflictException(FinalCount.CountingMessage)
                    : (Exception)new NotFoundException("Results of process", query.ProcessId));
            var votes = (await ProjectCounts.ForAsync(db, query.ProcessId, cancellationToken))
                .ToDictionary(p => p.Code, p => p.Votes, StringComparer.Ordinal);
            var projects = await db.BudgetProjects.AsNoTracking()
                .Where(p => p.BudgetId == budget.Id && p.Status == ProposalStatus.Feasible)
                .ToListAsync(cancellationToken);
            var rows = projects
                .Select(p => new ResultRow(p.Code, p.Title, p.BallotCost, votes.GetValueOrDefault(p.Code),
                    outcome.SelectedCodes.IndexOf(p.Code) is var at and >= 0 ? at + 1 : null))
                .OrderBy(r => r.SelectedAs ?? int.MaxValue)
                .ThenByDescending(r => r.Votes)
                .ToList();
            var comparisons = query.AsOfficer ? await CompareAsync(settings, budget, projects, outcome.Rule, cancellationToken) : null;
            return new ResultsView(query.ProcessId, budget.Amount, settings.Currency, outcome.TotalCost, outcome.BallotCount,
                outcome.Rule, outcome.TieBreak, outcome.Seed, outcome.InputsHash, outcome.CountedAt, rows, outcome.Explanation, comparisons)
            {
                BudgetId = budget.Id,
                BudgetName = budget.Name,
                District = budget.District,
                Budgets = budgets.Select(b => new BudgetView(b.Id, b.Name, b.Amount, b.District)).ToList(),
            };
        }

        private async Task<IReadOnlyList<RuleComparison>> CompareAsync(
            BudgetSettings settings, ProcessBudget budget, List<BudgetProject> projects, string countedWith, CancellationToken cancellationToken)
        {
            var title = await db.Processes.Where(p => p.Id == settings.ProcessId).Select(p => p.Title).SingleAsync(cancellationToken);
            var ballots = await db.BudgetBallots.AsNoTracking().Where(b => b.BudgetId == budget.Id).ToListAsync(cancellationToken);
            var election = BudgetElection.Build(settings, budget, title, projects, ballots);
            return BudgetElection.ComparisonsFor(settings)
                .Select(options =>
                {
                    var result = BudgetCounter.Count(election, options);
                    var name = BudgetElection.RuleName(options);
                    return new RuleComparison(name, name == countedWith, [.. result.Selected], result.TotalCost);
                })
                .ToList();
        }
    }

    public static RouteGroupBuilder MapGetResults(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/results", async Task<Ok<ResultsView>> (
                Guid processId, Guid? budgetId, ClaimsPrincipal user, IAuthorizationService authorization, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId, await IsOfficerAsync(authorization, user), budgetId), ct)))
            .WithName(nameof(GetResults))
            .WithDescription("One budget's results: budgetId picks it (default: the process's first budget); Budgets lists them all. 409 while voting has closed and paper ballots are being counted.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();
        return group;
    }

    /// <summary>Officers exactly as the Officer policy sees them (role and second factor).</summary>
    public static async Task<bool> IsOfficerAsync(IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Officer)).Succeeded;
}

public sealed record ResultsView(
    Guid ProcessId, decimal Budget, string Currency, decimal TotalCost, int Ballots, string Rule, string TieBreak, long Seed,
    string InputsHash, DateTimeOffset CountedAt, IReadOnlyList<ResultRow> Projects, IReadOnlyList<string> Explanation,
    IReadOnlyList<RuleComparison>? Comparisons = null)
{
    public Guid BudgetId { get; init; }

    public string BudgetName { get; init; } = "";

    public string? District { get; init; }

    public IReadOnlyList<BudgetView> Budgets { get; init; } = [];
}

/// <summary>The same ballots counted under one rule; <see cref="Configured"/> marks the rule the budget uses.</summary>
public sealed record RuleComparison(string Rule, bool Configured, IReadOnlyList<string> SelectedCodes, decimal TotalCost);

/// <summary>One project in the results; <see cref="SelectedAs"/> is its place in the selection order, or null.</summary>
public sealed record ResultRow(string Code, string Title, decimal Cost, int Votes, int? SelectedAs);
