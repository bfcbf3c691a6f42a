using FluentValidation;
using ParticipativeDemocracy.Web.Common.Errors;

namespace ParticipativeDemocracy.Web.Components;

/// <summary>Pages send the same commands as the API; a validation failure becomes their error summary.</summary>
public static class FormErrors
{
    public static void Fill(IDictionary<string, string> errors, ValidationException exception)
    {
        foreach (var failure in exception.Errors)
        {
            errors.TryAdd(ProblemExceptionHandler.FieldName(failure.PropertyName), failure.ErrorMessage);
        }
    }

    public static string InputClass(IReadOnlyDictionary<string, string> errors, string field, string baseClass = "govuk-input") =>
        errors.ContainsKey(field) ? $"{baseClass} {baseClass}--error" : baseClass;

    public static string? DescribedBy(IReadOnlyDictionary<string, string> errors, string field, string? hint = null) =>
        errors.ContainsKey(field) ? $"{field}-error {hint}".Trim() : hint;
}
