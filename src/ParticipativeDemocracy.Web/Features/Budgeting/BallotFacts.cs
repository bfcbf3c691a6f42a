using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Everything a ballot is checked against: who may vote (process, rules, the account's roll entry), the
/// ballot rules and phase, the budgets and the projects on the ballot. Read in one query, because under
/// load each round trip a ballot makes is time other voters queue for a connection.
/// </summary>
public sealed record BallotFacts(
    EligibilityInputs Eligibility, BudgetSettings? Settings, List<ProcessBudget> Budgets, Dictionary<Guid, BudgetProject> OnBallot)
{
    public Guid ProcessId => Eligibility.Process.Id;

    /// <summary>404 when the process is not a participatory budget (callers check eligibility first, as before).</summary>
    public BudgetSettings BudgetSettings => Settings ?? throw new NotFoundException("Participatory budget", ProcessId);

    /// <summary><paramref name="userId"/>: the signed-in voter whose roll entry to read; null for a code holder.</summary>
    public static async Task<BallotFacts> LoadAsync(
        AppDbContext db, EligibilityService eligibility, Guid processId, Guid? userId, CancellationToken cancellationToken)
    {
        var row = await eligibility.Inputs(processId, userId)
            .Select(i => new
            {
                i.Process,
                i.Rules,
                i.Entry,
                Settings = db.BudgetSettings.FirstOrDefault(s => s.ProcessId == i.Process.Id),
                Budgets = db.ProcessBudgets.Where(b => b.ProcessId == i.Process.Id)
                    .OrderBy(b => b.Position).ThenBy(b => b.Name)
                    .Select(b => new
                    {
                        Budget = b,
                        Projects = db.BudgetProjects.Where(p => p.BudgetId == b.Id && p.Status == ProposalStatus.Feasible).ToList(),
                    })
                    .ToList(),
            })
            .AsNoTracking()
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Process", processId);
        return new BallotFacts(
            new EligibilityInputs { Process = row.Process, Rules = row.Rules, Entry = row.Entry },
            row.Settings,
            row.Budgets.Select(b => b.Budget).ToList(),
            row.Budgets.SelectMany(b => b.Projects).ToDictionary(p => p.Id));
    }
}
