using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using System.Text.Json.Serialization;
using ParticipativeDemocracy.Web.Common.Errors;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class ApiServices
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();

        // Slices nest a type called Command in each use case; without the prefix they share one schema.
        services.AddOpenApi(options => options.CreateSchemaReferenceId = type =>
            type.Type.IsNested && OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id
                ? type.Type.DeclaringType!.Name + id
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type));
        return services;
    }
}
