using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>What a paper ballot stands for: the choices an online ballot would hold, and why it is spoilt (none: it counts).</summary>
public sealed record PaperVerdict(List<BallotChoice> Choices, IReadOnlyList<string> Reasons)
{
    public bool Counts => Reasons.Count == 0;
}

/// <summary>
/// Reads the marks on a paper ballot as the online ballot's choices — approval 1 per project, cumulative
/// the points written, ranking the rank — and checks them with <see cref="BallotRules"/>, the same rules
/// online ballots meet, so a paper ballot counts exactly as the same ballot cast online would.
/// </summary>
public static class PaperMarks
{
    /// <param name="markedSpoilt">Why a ballot the officers marked spoilt does not count.</param>
    public static PaperVerdict Judge(PaperScope scope, PaperBallotEntry ballot, string sameRank, string markedSpoilt)
    {
        if (ballot.Spoilt)
        {
            return new PaperVerdict([], [markedSpoilt]);
        }

        var marks = ballot.Projects
            .Select((code, i) => (Project: scope.ByCode.GetValueOrDefault(code.Trim()), Number: NumberAt(ballot, i)))
            .ToList();
        var reasons = new List<string>();
        if (marks.Any(m => m.Project is null))
        {
            // Keying refuses unknown codes; a settled ballot reaching here with one must not count.
            reasons.Add("Not on this budget's ballot: " + string.Join(", ", ballot.Projects.Where(c => !scope.ByCode.ContainsKey(c.Trim()))));
            return new PaperVerdict([], reasons);
        }

        var choices = scope.Settings.BallotKind switch
        {
            BudgetBallotKind.Cumulative => marks.Select(m => new BallotChoice(m.Project!.Id, m.Number ?? 0)).ToList(),
            BudgetBallotKind.Ranking => Ranked(marks, reasons, sameRank),
            _ => marks.Select(m => new BallotChoice(m.Project!.Id, 1)).ToList(),
        };
        reasons.AddRange(BallotRules.Check(scope.Settings, scope.Budget.Amount, scope.ById, choices).Select(f => f.ErrorMessage));
        return new PaperVerdict(choices, reasons);
    }

    /// <summary>Ranks as online ballots store them: 1 for the first preference, then 2, 3… in the order the numbers written give.</summary>
    private static List<BallotChoice> Ranked(List<(BudgetProject? Project, int? Number)> marks, List<string> reasons, string sameRank)
    {
        var numbered = marks.Where(m => m.Number is not null).Select(m => m.Number).ToList();
        if (numbered.Distinct().Count() != numbered.Count)
        {
            reasons.Add(sameRank);
        }

        // OrderBy is stable: without numbers, the keyed order is the order of preference.
        return marks.OrderBy(m => m.Number ?? 0).Select((m, rank) => new BallotChoice(m.Project!.Id, rank + 1)).ToList();
    }

    private static int? NumberAt(PaperBallotEntry ballot, int index) =>
        ballot.Numbers is { } numbers && index < numbers.Count ? numbers[index] : null;
}
