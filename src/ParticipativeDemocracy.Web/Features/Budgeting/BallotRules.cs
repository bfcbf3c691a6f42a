using FluentValidation.Results;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>The ballot rules of a budget, checked on the server for every ballot, whatever the client did.</summary>
public static class BallotRules
{
    public const string Field = "choices";

    public static IReadOnlyList<ValidationFailure> Check(
        BudgetSettings settings, decimal amount, IReadOnlyDictionary<Guid, BudgetProject> onBallot, IReadOnlyList<BallotChoice> choices)
    {
        var failures = new List<string>();
        var unknown = choices.Where(c => !onBallot.ContainsKey(c.ProjectId)).ToList();
        if (unknown.Count > 0)
        {
            failures.Add($"{unknown.Count} of your choices are not projects on this ballot.");
            return Failures(failures);
        }

        if (choices.Select(c => c.ProjectId).Distinct().Count() != choices.Count)
        {
            failures.Add("Each project can be chosen only once.");
        }

        CheckCount(settings, choices.Count, failures);
        switch (settings.BallotKind)
        {
            case BudgetBallotKind.Approval:
                CheckApproval(settings, amount, choices.Sum(c => onBallot[c.ProjectId].BallotCost), failures);
                break;
            case BudgetBallotKind.Cumulative:
                CheckPoints(settings, choices, failures);
                break;
        }

        return Failures(failures);
    }

    private static void CheckCount(BudgetSettings settings, int count, List<string> failures)
    {
        if (count < settings.MinProjects)
        {
            failures.Add($"Choose at least {settings.MinProjects} projects; you chose {count}.");
        }

        if (settings.MaxProjects is { } max && count > max)
        {
            failures.Add($"Choose at most {max} projects; you chose {count}.");
        }
    }

    private static void CheckApproval(BudgetSettings settings, decimal amount, decimal total, List<string> failures)
    {
        if (!settings.MustFitBudget)
        {
            return;
        }

        if (total > amount)
        {
            failures.Add($"Your choices cost {Money.Format(total, settings.Currency)}, more than the {Money.Format(amount, settings.Currency)} budget.");
        }

        var least = amount * settings.MinSpendShare;
        if (total < least)
        {
            failures.Add($"Choose projects worth at least {Money.Format(least, settings.Currency)} ({settings.MinSpendShare:P0} of the budget); yours cost {Money.Format(total, settings.Currency)}.");
        }
    }

    private static void CheckPoints(BudgetSettings settings, IReadOnlyList<BallotChoice> choices, List<string> failures)
    {
        if (choices.Any(c => c.Points < 1))
        {
            failures.Add("Give each chosen project at least 1 point.");
        }

        var used = choices.Sum(c => (long)c.Points);
        if (used > settings.PointsToDistribute)
        {
            failures.Add($"You gave {used} points; you have {settings.PointsToDistribute} to give.");
        }
    }

    private static List<ValidationFailure> Failures(List<string> messages) =>
        messages.Select(m => new ValidationFailure(Field, m)).ToList();
}
