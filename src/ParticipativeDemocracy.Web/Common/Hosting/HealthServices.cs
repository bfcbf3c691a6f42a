using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class HealthServices
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddPlatformHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("postgresql", tags: [ReadyTag]);
        return services;
    }
}

internal sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            _ = connection.GetAllItemsFromSet("recurring-jobs");
            return Task.FromResult(HealthCheckResult.Healthy("Hangfire storage reachable."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage unreachable.", ex));
        }
    }
}
