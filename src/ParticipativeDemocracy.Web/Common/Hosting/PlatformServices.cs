using FluentValidation;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Seeding;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class PlatformServices
{
    public static IServiceCollection AddPlatformServices(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AfterCommit>();
        services.AddPlatformData(configuration);
        services.AddPlatformIdentity();
        services.AddPlatformJobs(configuration);
        services.AddPlatformRealtime(configuration);
        services.AddPlatformApi();
        services.AddPlatformUi();
        services.AddPlatformHealthChecks();
        services.AddPlatformAccounts(configuration);
        services.AddPlatformRateLimits(configuration);
        services.AddPlatformParticipation(configuration);

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(PlatformServices)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(TransactionBehavior<,>),
            ];
        });
        // Building a validator's rules costs more than most validations: build once, except where rules read the database.
        services.AddValidatorsFromAssemblyContaining<ProblemExceptionHandler>(
            ServiceLifetime.Singleton, filter: v => !ReadsDatabase(v.ValidatorType), includeInternalTypes: true);
        services.AddValidatorsFromAssemblyContaining<ProblemExceptionHandler>(
            ServiceLifetime.Scoped, filter: v => ReadsDatabase(v.ValidatorType), includeInternalTypes: true);

        services.Configure<DemoCouncilOptions>(configuration.GetSection(DemoCouncilOptions.Section));
        services.Configure<BallotSecretOptions>(configuration.GetSection(BallotSecretOptions.Section));
        services.AddSingleton<BallotSecrets>();
        services.AddScoped<BallotVoters>();
        services.AddScoped<BallotBox>();
        services.AddSingleton<BallotFactsCache>();
        services.AddSingleton<BallotWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<BallotWriter>());
        services.AddScoped<BudgetVoters>();
        services.AddScoped<PaperBallots>();
        services.AddScoped<PaperChecks>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoCouncilSeeder>();
        return services;
    }

    private static bool ReadsDatabase(Type validator) =>
        validator.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(AppDbContext)));
}
