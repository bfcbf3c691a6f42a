using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Jobs;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class AccountServices
{
    public static IServiceCollection AddPlatformAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddScoped<EmailOutbox>();
        services.AddScoped<SendEmailJob>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditTrail>();
        services.Configure<EligibilityOptions>(configuration.GetSection(EligibilityOptions.Section));
        services.AddSingleton<RollHasher>();
        services.AddScoped<EligibilityService>();
        services.AddScoped<RollVerifier>();
        services.AddSingleton<VotingCodes>();
        services.AddScoped<ImportRollJob>();
        services.AddScoped<Features.Juries.PanelAccounts>();
        services.AddScoped<Features.Juries.JuryReplacements>();
        return services;
    }
}
