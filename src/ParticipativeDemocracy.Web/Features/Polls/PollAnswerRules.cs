using FluentValidation.Results;
using ParticipativeDemocracy.Web.Data.Entities.Polls;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>Checks one answer sheet against the poll's questions; every question is optional, nothing may be malformed.</summary>
public static class PollAnswerRules
{
    public const int MaxTextLength = 2000;

    public static List<ValidationFailure> Check(IReadOnlyList<PollQuestion> questions, IReadOnlyList<PollAnswer> answers)
    {
        var failures = new List<ValidationFailure>();
        if (answers.Count == 0)
        {
            failures.Add(new ValidationFailure("answers", "Answer at least one question."));
        }

        var byNumber = questions.ToDictionary(q => q.Number);
        for (var i = 0; i < answers.Count; i++)
        {
            var field = $"answers[{i}]";
            var answer = answers[i];
            if (!byNumber.TryGetValue(answer.Question, out var question))
            {
                failures.Add(new ValidationFailure(field, $"There is no question {answer.Question}."));
            }
            else if (answers.Take(i).Any(a => a.Question == answer.Question))
            {
                failures.Add(new ValidationFailure(field, $"Question {answer.Question} is answered twice."));
            }
            else if (Problem(question, answer) is { } problem)
            {
                failures.Add(new ValidationFailure(field, problem));
            }
        }

        return failures;
    }

    private static string? Problem(PollQuestion question, PollAnswer answer)
    {
        var choices = answer.Choices ?? [];
        var inRange = choices.All(c => c >= 0 && c < question.Options.Count) && choices.Distinct().Count() == choices.Count;
        return question.Kind switch
        {
            PollQuestionKind.SingleChoice when choices.Count != 1 || !inRange => "Choose one of the options.",
            PollQuestionKind.MultipleChoice when choices.Count == 0 || !inRange => "Choose one or more of the options, each once.",
            PollQuestionKind.Ranking when choices.Count == 0 || !inRange => "Rank one or more of the options, each once.",
            PollQuestionKind.Rating when answer.Rating is not (>= 1 and <= 5) => "Give a rating from 1 to 5.",
            PollQuestionKind.FreeText when string.IsNullOrWhiteSpace(answer.Text) => "Write an answer or leave the question out.",
            PollQuestionKind.FreeText when answer.Text!.Length > MaxTextLength => $"Write at most {MaxTextLength} characters.",
            _ => null,
        };
    }

    /// <summary>Keeps only what the question's kind uses, so a sheet never carries stray data.</summary>
    public static PollAnswer Clean(PollQuestion question, PollAnswer answer) => question.Kind switch
    {
        PollQuestionKind.Rating => new PollAnswer(answer.Question, null, answer.Rating, null),
        PollQuestionKind.FreeText => new PollAnswer(answer.Question, null, null, answer.Text!.Trim()),
        _ => new PollAnswer(answer.Question, answer.Choices, null, null),
    };
}
