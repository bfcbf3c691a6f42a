using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// The budgets of a process and the rules tying projects and voters to them: a project goes to its
/// district's budget, else to the city-wide one; everyone eligible votes in the city-wide budget, and
/// a district budget is for that district's residents.
/// </summary>
public static class ProcessBudgets
{
    public static async Task<List<ProcessBudget>> LoadAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        await db.ProcessBudgets.AsNoTracking().Where(b => b.ProcessId == processId)
            .OrderBy(b => b.Position).ThenBy(b => b.Name).ToListAsync(cancellationToken);

    /// <summary>The budget a project of this district belongs to, or null when there is none (no district match, no city-wide budget).</summary>
    public static ProcessBudget? ForDistrict(IReadOnlyList<ProcessBudget> budgets, string? district) =>
        (district is { Length: > 0 } ? budgets.FirstOrDefault(b => SameDistrict(b.District, district)) : null)
        ?? budgets.FirstOrDefault(b => b.District is null);

    /// <summary>The budget a proposal from this district goes to; 400 on the district when no budget takes it.</summary>
    public static async Task<Guid> BudgetForAsync(AppDbContext db, Guid processId, string? district, CancellationToken cancellationToken)
    {
        var budgets = await LoadAsync(db, processId, cancellationToken);
        return ForDistrict(budgets, district)?.Id ?? throw new ValidationException(
            [new ValidationFailure("district", $"This process has budgets for {string.Join(", ", budgets.Select(b => b.District))} only; choose one of these districts.")]);
    }

    public static bool SameDistrict(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The codes every budget of the process selected at the close; null before the count.</summary>
    public static async Task<List<string>?> SelectedCodesAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        var outcomes = await db.BudgetOutcomes.AsNoTracking().Where(o => o.ProcessId == processId)
            .Select(o => o.SelectedCodes).ToListAsync(cancellationToken);
        return outcomes.Count == 0 ? null : outcomes.SelectMany(c => c).ToList();
    }

    /// <summary>All budgets' counts as one, for messages about the whole process; null before the count.</summary>
    public static BudgetOutcome? Combine(IReadOnlyList<BudgetOutcome> outcomes) => outcomes.Count switch
    {
        0 => null,
        1 => outcomes[0],
        _ => new BudgetOutcome
        {
            ProcessId = outcomes[0].ProcessId,
            CountedAt = outcomes[0].CountedAt,
            Rule = outcomes[0].Rule,
            TieBreak = outcomes[0].TieBreak,
            Seed = outcomes[0].Seed,
            InputsHash = string.Join(",", outcomes.Select(o => o.InputsHash)),
            BallotCount = outcomes.Sum(o => o.BallotCount),
            SelectedCodes = outcomes.SelectMany(o => o.SelectedCodes).ToList(),
            TotalCost = outcomes.Sum(o => o.TotalCost),
            Explanation = outcomes.SelectMany(o => o.Explanation).ToList(),
        },
    };

    /// <summary>Puts each of the process's live projects in the budget its district picks; false if one has none.</summary>
    public static bool Reassign(IReadOnlyList<ProcessBudget> budgets, IEnumerable<BudgetProject> projects, out BudgetProject? homeless)
    {
        foreach (var project in projects)
        {
            if (ForDistrict(budgets, project.District) is not { } budget)
            {
                homeless = project;
                return false;
            }

            project.BudgetId = budget.Id;
        }

        homeless = null;
        return true;
    }
}
