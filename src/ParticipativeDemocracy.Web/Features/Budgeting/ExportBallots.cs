using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Voting;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// The anonymised ballots after the close, as the Pabulib file the count used (its SHA-256 is the
/// published inputs hash) or as CSV. Voter ids are receipt codes: a voter finds their own ballot,
/// nobody learns whose it is.
/// </summary>
public static class ExportBallots
{
    /// <summary><see cref="BudgetId"/> null: the process's first budget (its only one, unless it has district budgets).</summary>
    public sealed record Query(Guid ProcessId, Guid? BudgetId = null) : IQuery<string>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, query.ProcessId, cancellationToken);
            // Until the count the box still takes paper ballots: a file published earlier would not match the outcome.
            if (settings.CountedAt is null)
            {
                throw new ConflictException(BudgetPhase.IsCountingPaper(settings)
                    ? FinalCount.CountingMessage
                    : "Ballots are published when voting has closed.");
            }

            var title = await db.Processes.Where(p => p.Id == query.ProcessId).Select(p => p.Title).SingleAsync(cancellationToken);
            var budgets = await ProcessBudgets.LoadAsync(db, query.ProcessId, cancellationToken);
            var budget = (query.BudgetId is { } id ? budgets.FirstOrDefault(b => b.Id == id) : budgets.FirstOrDefault())
                ?? throw new NotFoundException("Budget", query.BudgetId ?? query.ProcessId);
            var projects = await db.BudgetProjects.AsNoTracking()
                .Where(p => p.BudgetId == budget.Id && p.Status == ProposalStatus.Feasible).ToListAsync(cancellationToken);
            var ballots = await db.BudgetBallots.AsNoTracking().Where(b => b.BudgetId == budget.Id).ToListAsync(cancellationToken);
            return PabulibWriter.Write(BudgetElection.Build(settings, budget, title, projects, ballots));
        }
    }

    public static RouteGroupBuilder MapExportBallots(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/ballots.pb", async Task<FileContentHttpResult> (Guid processId, Guid? budgetId, ISender sender, CancellationToken ct) =>
                TypedResults.File(Encoding.UTF8.GetBytes(await sender.Send(new Query(processId, budgetId), ct)), "text/plain; charset=utf-8", "ballots.pb"))
            .WithName(nameof(ExportBallots))
            .WithDescription("One file per budget: budgetId picks it (default: the process's first budget).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();
        group.MapGet("/{processId:guid}/ballots.csv", async Task<FileContentHttpResult> (Guid processId, Guid? budgetId, ISender sender, CancellationToken ct) =>
            {
                var election = PabulibReader.Parse(await sender.Send(new Query(processId, budgetId), ct));
                return TypedResults.File(Encoding.UTF8.GetBytes(ToCsv(election)), "text/csv; charset=utf-8", "ballots.csv");
            })
            .WithName(nameof(ExportBallots) + "Csv")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();
        return group;
    }

    private static string ToCsv(Election election)
    {
        var csv = new StringBuilder("receipt,projects,points\n");
        foreach (var ballot in election.Ballots)
        {
            var points = ballot.Points is null ? "" : string.Join(' ', ballot.Points.Select(p => p.ToString(CultureInfo.InvariantCulture)));
            csv.Append(CultureInfo.InvariantCulture, $"{ballot.VoterId},{string.Join(' ', ballot.Projects)},{points}\n");
        }

        return csv.ToString();
    }
}
