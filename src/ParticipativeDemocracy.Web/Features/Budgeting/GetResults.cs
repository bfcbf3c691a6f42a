using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>The published outcome: winners in selection order with cost and votes, the explanation, and how to re-count.</summary>
public static class GetResults
{
    public sealed record Query(Guid ProcessId) : IQuery<ResultsView>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, ResultsView>
    {
        public async ValueTask<ResultsView> Handle(Query query, CancellationToken cancellationToken)
        {
            var outcome = await db.BudgetOutcomes.AsNoTracking().SingleOrDefaultAsync(o => o.ProcessId == query.ProcessId, cancellationToken)
                ?? throw new NotFoundException("Results of process", query.ProcessId);
            var settings = await BudgetPhase.LoadSettingsAsync(db, query.ProcessId, cancellationToken);
            var votes = (await ProjectCounts.ForAsync(db, query.ProcessId, cancellationToken))
                .ToDictionary(p => p.Code, p => p.Votes, StringComparer.Ordinal);
            var projects = await db.BudgetProjects.AsNoTracking()
                .Where(p => p.ProcessId == query.ProcessId && p.Status == ProposalStatus.Feasible)
                .ToListAsync(cancellationToken);
            var rows = projects
                .Select(p => new ResultRow(p.Code, p.Title, p.BallotCost, votes.GetValueOrDefault(p.Code),
                    outcome.SelectedCodes.IndexOf(p.Code) is var at and >= 0 ? at + 1 : null))
                .OrderBy(r => r.SelectedAs ?? int.MaxValue)
                .ThenByDescending(r => r.Votes)
                .ToList();
            return new ResultsView(query.ProcessId, settings.Amount, settings.Currency, outcome.TotalCost, outcome.BallotCount,
                outcome.Rule, outcome.TieBreak, outcome.Seed, outcome.InputsHash, outcome.CountedAt, rows, outcome.Explanation);
        }
    }

    public static RouteGroupBuilder MapGetResults(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/results", async Task<Ok<ResultsView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetResults))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}

public sealed record ResultsView(
    Guid ProcessId, decimal Budget, string Currency, decimal TotalCost, int Ballots, string Rule, string TieBreak, long Seed,
    string InputsHash, DateTimeOffset CountedAt, IReadOnlyList<ResultRow> Projects, IReadOnlyList<string> Explanation);

/// <summary>One project in the results; <see cref="SelectedAs"/> is its place in the selection order, or null.</summary>
public sealed record ResultRow(string Code, string Title, decimal Cost, int Votes, int? SelectedAs);
