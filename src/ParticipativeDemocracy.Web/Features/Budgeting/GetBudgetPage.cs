using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>Everything the resident pages of one budget show, found by the process's address.</summary>
public static class GetBudgetPage
{
    public sealed record Query(string Slug) : IQuery<BudgetPageView>;

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, BudgetPageView>
    {
        public async ValueTask<BudgetPageView> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await db.Processes.AsNoTracking().Include(p => p.Organisation)
                .Where(p => p.Slug == query.Slug && p.Status != ProcessStatus.Draft && p.Kind == ProcessKind.ParticipatoryBudget)
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Participatory budget", query.Slug);
            var settings = await BudgetPhase.LoadSettingsAsync(db, process.Id, cancellationToken);
            var projects = await db.BudgetProjects.AsNoTracking()
                .Where(p => p.ProcessId == process.Id && p.Status != ProposalStatus.Withdrawn)
                .OrderBy(p => p.Code)
                .Select(p => new ProjectView(p.Id, p.Code, p.Title, p.Description, p.District, p.Category,
                    p.FinalCost ?? p.EstimatedCost, p.Status, p.ReviewReason, p.BudgetId))
                .ToListAsync(cancellationToken);
            return new BudgetPageView(process.Id, process.Slug, process.Title, process.Summary, process.Organisation!.Name,
                process.Organisation.TimeZone, settings.Amount, settings.Currency, settings.BallotKind, settings.MinProjects,
                settings.MaxProjects, settings.MustFitBudget, settings.PointsToDistribute, settings.TallyVisibility,
                settings.VotingOpensAt, settings.VotingClosesAt, BudgetPhase.StageAt(settings, clock.GetUtcNow()), projects)
            {
                CountingPaper = BudgetPhase.IsCountingPaper(settings),
                Budgets = (await ProcessBudgets.LoadAsync(db, process.Id, cancellationToken))
                    .Select(b => new BudgetView(b.Id, b.Name, b.Amount, b.District)).ToList(),
            };
        }
    }
}

public enum BudgetStage
{
    Proposals,
    Voting,
    Counting,
    Results,
}

public sealed record BudgetPageView(
    Guid ProcessId, string Slug, string Title, string Summary, string Organisation, string TimeZone,
    decimal Amount, string Currency, BudgetBallotKind BallotKind, int MinProjects, int? MaxProjects, bool MustFitBudget,
    int? PointsToDistribute, TallyVisibility TallyVisibility, DateTimeOffset VotingOpensAt, DateTimeOffset VotingClosesAt,
    BudgetStage Stage, IReadOnlyList<ProjectView> Projects)
{
    public IEnumerable<ProjectView> OnBallot => Projects.Where(p => p.Status == ProposalStatus.Feasible);

    /// <summary>The process's budgets in the officers' order; <see cref="Amount"/> is their total.</summary>
    public IReadOnlyList<BudgetView> Budgets { get; init; } = [];

    /// <summary>Voting has closed and paper ballots are still being counted: no results yet (ADR 0011).</summary>
    public bool CountingPaper { get; init; }

    public IEnumerable<ProjectView> OnBallotOf(Guid budgetId) => OnBallot.Where(p => p.BudgetId == budgetId);
}
