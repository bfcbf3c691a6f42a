using System.Text.Json;
using FluentValidation;

namespace ParticipativeDemocracy.Web.Components.Forms;

/// <summary>Turns the validation a command failed into one message per form field (named as in the API).</summary>
public static class FormErrors
{
    public static void AddFrom(ValidationException invalid, IDictionary<string, string> errors)
    {
        foreach (var group in invalid.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName.Split('.')[0])))
        {
            errors[group.Key] = string.Join(" ", group.Select(e => e.ErrorMessage).Distinct());
        }
    }
}
