using Hangfire;
using Hangfire.PostgreSql;
using ParticipativeDemocracy.Web.Jobs;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class JobServices
{
    /// <summary>Off for the migrate verb and for hosts that only probe start-up: Hangfire's configuration is process-wide.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Hangfire:Enabled", true);

    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }

        var connectionString = configuration.GetConnectionString("Default")!;
        var settings = configuration.GetSection("Hangfire");
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = settings.GetValue("QueuePollInterval", TimeSpan.FromSeconds(5)),
                    StartupConnectionMaxRetries = 0,
                    AllowDegradedModeWithoutStorage = false,
                }));

        if (settings.GetValue("ServerEnabled", true))
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = settings.GetValue("WorkerCount", 4);
                options.SchedulePollingInterval = settings.GetValue("SchedulePollingInterval", TimeSpan.FromSeconds(15));
            });
        }

        services.AddScoped<AdvanceProcessStatusesJob>();
        services.AddScoped<CloseDueBudgetsJob>();
        services.AddScoped<SendBudgetFeedbackJob>();
        services.AddScoped<CloseDueRoundsJob>();
        services.AddScoped<JuryInvitationDeadlinesJob>();
        services.AddScoped<JuryDrawJob>();
        services.AddScoped<AdvanceBudgetPhasesJob>();
        services.AddHostedService<RecurringJobsRegistrar>();
        services.AddHealthChecks().AddCheck<HangfireStorageHealthCheck>("hangfire-storage", tags: [HealthServices.ReadyTag]);
        return services;
    }
}
