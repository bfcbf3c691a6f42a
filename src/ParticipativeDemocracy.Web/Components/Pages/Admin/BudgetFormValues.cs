using System.Globalization;
using ParticipativeDemocracy.Web.Components.Forms;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Components.Pages.Admin;

/// <summary>The budget form's fields, named as the API's JSON so validation errors land on the right field.</summary>
public static class BudgetFormValues
{
    public static Dictionary<string, string> From(BudgetSettings? s, string timeZone)
    {
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["amount"] = s?.Amount.ToString(CultureInfo.InvariantCulture) ?? "",
            ["currency"] = s?.Currency ?? "GBP",
            ["ballotKind"] = (s?.BallotKind ?? BudgetBallotKind.Approval).ToString(),
            ["minProjects"] = (s?.MinProjects ?? 1).ToString(CultureInfo.InvariantCulture),
            ["maxProjects"] = s?.MaxProjects?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["mustFitBudget"] = (s?.MustFitBudget ?? true) ? "true" : "",
            ["minSpendShare"] = (s?.MinSpendShare ?? 0m).ToString(CultureInfo.InvariantCulture),
            ["pointsToDistribute"] = s?.PointsToDistribute?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["countingRule"] = (s?.CountingRule ?? BudgetCountingRule.EqualShares).ToString(),
            ["completion"] = (s?.Completion ?? BudgetCompletion.Add1).ToString(),
            ["tieBreak"] = (s?.TieBreak ?? BudgetTieBreak.CostVotesLot).ToString(),
            ["seed"] = (s?.Seed ?? 1).ToString(CultureInfo.InvariantCulture),
            ["tallyVisibility"] = (s?.TallyVisibility ?? TallyVisibility.Public).ToString(),
            ["votingOpensAt"] = s is null ? "" : RawForm.ToLocalInput(s.VotingOpensAt, timeZone),
            ["votingClosesAt"] = s is null ? "" : RawForm.ToLocalInput(s.VotingClosesAt, timeZone),
        };
    }

    public static ConfigureBudget.Command ToCommand(Guid processId, RawForm form, string timeZone, string badNumber, string badDate) => new(
        processId,
        form.Amount("amount", badNumber),
        form.Text("currency").ToUpperInvariant(),
        form.Enum<BudgetBallotKind>("ballotKind"),
        form.WholeNumber("minProjects", badNumber),
        form.OptionalInt("maxProjects", badNumber),
        form.Flag("mustFitBudget"),
        form.OptionalDecimal("minSpendShare", badNumber) ?? 0m,
        form.OptionalInt("pointsToDistribute", badNumber),
        form.Enum<BudgetCountingRule>("countingRule"),
        form.Enum<BudgetCompletion>("completion"),
        form.Enum<BudgetTieBreak>("tieBreak"),
        form.WholeNumber("seed", badNumber),
        form.Enum<TallyVisibility>("tallyVisibility"),
        form.LocalTime("votingOpensAt", timeZone, badDate),
        form.LocalTime("votingClosesAt", timeZone, badDate));
}
