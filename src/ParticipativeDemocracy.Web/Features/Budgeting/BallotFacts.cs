using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Everything a ballot is checked against: who may vote (process, rules, the account's roll entry), the
/// ballot rules and phase, the budgets and the projects on the ballot. Read in one query, because under
/// load each round trip a ballot makes is time other voters queue for a connection. <see cref="Stamp"/> is
/// the database's <see cref="DatabaseFunctions.BallotFactsStamp"/> when they were read.
/// </summary>
public sealed record BallotFacts(
    EligibilityInputs Eligibility, BudgetSettings? Settings, List<ProcessBudget> Budgets, Dictionary<Guid, BudgetProject> OnBallot, string Stamp)
{
    public Guid ProcessId => Eligibility.Process.Id;

    /// <summary>Each budget's projects on the ballot; built once per facts, which many ballots share.</summary>
    private Dictionary<Guid, Dictionary<Guid, BudgetProject>> OnBallotByBudget { get; } = OnBallot.Values
        .GroupBy(p => p.BudgetId)
        .ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Id));

    /// <summary>The projects on one budget's ballot.</summary>
    public IReadOnlyDictionary<Guid, BudgetProject> OnBallotOf(Guid budgetId) =>
        OnBallotByBudget.TryGetValue(budgetId, out var projects) ? projects : Empty;

    private static readonly Dictionary<Guid, BudgetProject> Empty = [];

    /// <summary>404 when the process is not a participatory budget (callers check eligibility first, as before).</summary>
    public BudgetSettings BudgetSettings => Settings ?? throw new NotFoundException("Participatory budget", ProcessId);

    /// <summary>The same facts for another voter: only the roll entry differs.</summary>
    public BallotFacts WithoutVoter() => WithEntry(null);

    /// <summary>
    /// <paramref name="userId"/>: the signed-in voter whose roll entry to read; null for a code holder.
    /// While voting is open the process's part comes from <paramref name="cache"/>, so a code holder's ballot
    /// reads nothing and an account's reads only its roll entry.
    /// </summary>
    public static async Task<BallotFacts> LoadAsync(
        AppDbContext db, EligibilityService eligibility, BallotFactsCache cache, Guid processId, Guid? userId, CancellationToken cancellationToken)
    {
        if (cache.Find(processId) is { } known)
        {
            return userId is null
                ? known
                : known.WithEntry(await eligibility.Inputs(processId, userId).Select(i => i.Entry).SingleOrDefaultAsync(cancellationToken));
        }

        var facts = await ReadAsync(db, eligibility, processId, userId, cancellationToken);
        cache.Remember(facts);
        return facts;
    }

    private BallotFacts WithEntry(VerifiedEntry? entry) =>
        this with { Eligibility = new EligibilityInputs { Process = Eligibility.Process, Rules = Eligibility.Rules, Entry = entry } };

    private static async Task<BallotFacts> ReadAsync(
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
                Stamp = DatabaseFunctions.BallotFactsStamp(i.Process.Id),
            })
            .AsNoTracking()
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Process", processId);
        return new BallotFacts(
            new EligibilityInputs { Process = row.Process, Rules = row.Rules, Entry = row.Entry },
            row.Settings,
            row.Budgets.Select(b => b.Budget).ToList(),
            row.Budgets.SelectMany(b => b.Projects).ToDictionary(p => p.Id),
            row.Stamp);
    }
}
