using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>Counts answer sheets per question, and per player level with small groups merged away.</summary>
public static class PollTally
{
    public const string OtherGroup = "Other";
    public const string NotGiven = "NotGiven";

    public static IReadOnlyList<QuestionResult> Count(IReadOnlyList<PollQuestion> questions, IReadOnlyList<PollAnswerSheet> sheets) =>
        questions.Select(q => CountQuestion(q, sheets.SelectMany(s => s.Answers).Where(a => a.Question == q.Number).ToList())).ToList();

    /// <summary>
    /// Groups smaller than the minimum are merged into one "other" group; if that group would itself be
    /// too small, the next smallest group joins it, so no group can be worked out by subtracting from the totals.
    /// </summary>
    public static IReadOnlyList<GroupResult> Breakdown(
        IReadOnlyList<PollQuestion> questions, IReadOnlyList<PollAnswerSheet> sheets, int minGroupSize)
    {
        var groups = sheets.GroupBy(s => s.PlayerLevel?.ToString() ?? NotGiven)
            .Select(g => (Name: g.Key, Sheets: g.ToList()))
            .OrderBy(g => g.Sheets.Count).ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        var other = new List<PollAnswerSheet>();
        while (groups.Count > 0 && (groups[0].Sheets.Count < minGroupSize || (other.Count > 0 && other.Count < minGroupSize)))
        {
            other.AddRange(groups[0].Sheets);
            groups.RemoveAt(0);
        }

        var shown = groups.Select(g => new GroupResult(g.Name, g.Sheets.Count, false, Count(questions, g.Sheets))).ToList();
        if (other.Count > 0)
        {
            var enough = other.Count >= minGroupSize;
            shown.Add(new GroupResult(OtherGroup, enough ? other.Count : null, !enough, enough ? Count(questions, other) : []));
        }

        return shown;
    }

    private static QuestionResult CountQuestion(PollQuestion question, List<PollAnswer> answers)
    {
        var options = question.Options.Select((label, index) => new OptionResult(index, label,
            answers.Count(a => a.Choices?.Contains(index) == true),
            question.Kind == PollQuestionKind.Ranking ? answers.Sum(a => BordaPoints(question, a, index)) : 0)).ToList();
        var ratings = Enumerable.Range(1, 5).Select(r => answers.Count(a => a.Rating == r)).ToList();
        var rated = answers.Where(a => a.Rating is not null).Select(a => (double)a.Rating!.Value).ToList();
        return new QuestionResult(question.Number, question.Kind, question.Text, answers.Count,
            question.Kind is PollQuestionKind.Rating or PollQuestionKind.FreeText ? [] : options,
            question.Kind == PollQuestionKind.Rating ? ratings : [],
            rated.Count > 0 ? Math.Round(rated.Average(), 2) : null);
    }

    /// <summary>A ranking gives n−1 points to the first of n options, down to 0; unranked options get nothing.</summary>
    private static int BordaPoints(PollQuestion question, PollAnswer answer, int option)
    {
        var position = answer.Choices?.ToList().IndexOf(option) ?? -1;
        return position < 0 ? 0 : question.Options.Count - 1 - position;
    }
}

public sealed record PollResultsView(
    Guid ProcessId, int Responses, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<GroupResult>? ByPlayerLevel,
    int MinGroupSize, DateTimeOffset At);

/// <summary>Options for choice and ranking questions (Points: Borda count); Ratings[0..4] count the 1s to 5s.</summary>
public sealed record QuestionResult(
    int Number, PollQuestionKind Kind, string Text, int Answered, IReadOnlyList<OptionResult> Options,
    IReadOnlyList<int> Ratings, double? AverageRating);

public sealed record OptionResult(int Index, string Label, int Count, int Points);

/// <summary>A suppressed group has neither a count nor results.</summary>
public sealed record GroupResult(string Group, int? Responses, bool Suppressed, IReadOnlyList<QuestionResult> Questions);
