using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ParticipativeDemocracy.Web.Common.Errors;

/// <summary>Maps the exceptions handlers throw to ProblemDetails; anything else falls through to a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException validation => ToValidationProblem(validation),
            NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
            ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict", conflict.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Conflict",
                "Someone else changed this at the same time. Reload and try again."),
            ForbiddenException forbidden => WithReasons(Problem(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message), forbidden.Reasons),
            BadHttpRequestException badRequest => Problem(StatusCodes.Status400BadRequest, "Bad request", badRequest.Message),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails ToValidationProblem(ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => FieldName(e.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are not valid.",
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        };
    }

    /// <summary>"Projects[0].Cost" → "projects[0].cost", matching the JSON the client sent.</summary>
    internal static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static ProblemDetails WithReasons(ProblemDetails problem, IReadOnlyList<string> reasons)
    {
        if (reasons.Count > 0)
        {
            problem.Extensions["reasons"] = reasons;
        }

        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
