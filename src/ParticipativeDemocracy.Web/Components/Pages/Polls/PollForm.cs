using Microsoft.AspNetCore.Http;
using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Components.Pages.Polls;

/// <summary>Reads the posted answer form: q{n} for choices, ratings and text; q{n}-o{i} for the rank given to each option.</summary>
public static class PollForm
{
    public static List<PollAnswer> Read(IReadOnlyList<PollQuestion> questions, IFormCollection form)
    {
        var answers = new List<PollAnswer>();
        foreach (var q in questions)
        {
            var field = $"q{q.Number}";
            var answer = q.Kind switch
            {
                PollQuestionKind.SingleChoice or PollQuestionKind.MultipleChoice => Choices(form[field]) is { Count: > 0 } c ? new PollAnswer(q.Number, c, null, null) : null,
                PollQuestionKind.Ranking => Ranking(q, form) is { Count: > 0 } r ? new PollAnswer(q.Number, r, null, null) : null,
                PollQuestionKind.Rating => int.TryParse(form[field], out var rating) ? new PollAnswer(q.Number, null, rating, null) : null,
                _ => string.IsNullOrWhiteSpace(form[field]) ? null : new PollAnswer(q.Number, null, null, form[field].ToString()),
            };
            if (answer is not null)
            {
                answers.Add(answer);
            }
        }

        return answers;
    }

    private static List<int> Choices(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Select(v => int.TryParse(v, out var i) ? i : -1).ToList();

    /// <summary>Options given a rank, in rank order; an unranked option is left out, a repeated rank is caught by the rules.</summary>
    private static List<int> Ranking(PollQuestion question, IFormCollection form) =>
        question.Options.Select((_, i) => (Option: i, Rank: int.TryParse(form[$"q{question.Number}-o{i}"], out var r) ? r : 0))
            .Where(x => x.Rank > 0)
            .OrderBy(x => x.Rank)
            .Select(x => x.Option)
            .ToList()
            is var ranked && HasRepeatedRank(question, form) ? [.. ranked, ranked.Count > 0 ? ranked[0] : 0] : ranked;

    private static bool HasRepeatedRank(PollQuestion question, IFormCollection form)
    {
        var ranks = question.Options.Select((_, i) => form[$"q{question.Number}-o{i}"].ToString()).Where(r => r.Length > 0).ToList();
        return ranks.Count != ranks.Distinct(StringComparer.Ordinal).Count();
    }
}
