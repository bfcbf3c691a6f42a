using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Which budgets a voter may vote in: every city-wide budget, and the district budget of the district
/// the voter roll (or the code's letter batch) gives. A voter whose district is not known picks one
/// district budget at the ballot: having voted in one, they are refused the others.
/// </summary>
public sealed class BudgetVoters(AppDbContext db, IStringLocalizer<BudgetText> t)
{
    public const string OtherDistrict = "OtherDistrict";
    public const string OneDistrictOnly = "OneDistrictOnly";

    /// <summary>Whether a ballot for a budget of this district is shown; a voter of unknown district sees them all and picks one.</summary>
    public static bool MayVoteIn(string? budgetDistrict, string? voterDistrict) =>
        budgetDistrict is null || voterDistrict is null || ProcessBudgets.SameDistrict(budgetDistrict, voterDistrict);

    /// <summary>403 when the roll or the letter places the voter in another district than the budget's.</summary>
    public void EnsureMayVote(ProcessBudget budget, BallotVoter voter)
    {
        if (budget.District is { } budgetDistrict && voter.District is { } district && !ProcessBudgets.SameDistrict(budgetDistrict, district))
        {
            throw new ForbiddenException(
                string.Format(CultureInfo.CurrentCulture, t["BallotOtherDistrict"], budget.Name, budgetDistrict, district), [OtherDistrict]);
        }
    }

    /// <summary>A voter of unknown district voting in a district budget: <see cref="EnsureFirstDistrictAsync"/> needs a transaction.</summary>
    public static bool PicksOneDistrict(ProcessBudget budget, BallotVoter voter) => budget.District is not null && voter.District is null;

    /// <summary>403 when a voter of unknown district already voted in another district budget; run inside a transaction.</summary>
    public async Task EnsureFirstDistrictAsync(
        ProcessBudget budget, IReadOnlyList<ProcessBudget> budgets, BallotVoter voter, CancellationToken cancellationToken)
    {
        if (!PicksOneDistrict(budget, voter))
        {
            return;
        }

        // Parallel first ballots into two district budgets must not both pass the check below.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({budget.ProcessId.ToString("N") + voter.VoterKey}, 0))", cancellationToken);
        var others = budgets.Where(b => b.District is not null && b.Id != budget.Id).Select(b => b.Id).ToList();
        var votedIn = await db.VoterRecords.AsNoTracking()
            .Where(v => others.Contains(v.BudgetId) && (v.VoterKey == voter.VoterKey || v.VoterKey == voter.SupersededKey))
            .Select(v => v.BudgetId).FirstOrDefaultAsync(cancellationToken);
        if (votedIn != Guid.Empty)
        {
            var name = budgets.First(b => b.Id == votedIn).Name;
            throw new ForbiddenException(string.Format(CultureInfo.CurrentCulture, t["BallotOneDistrictOnly"], name), [OneDistrictOnly]);
        }
    }
}
