using ParticipativeDemocracy.Web.Features.Partnerships;
using ParticipativeDemocracy.Web.Features.Polls;
using ParticipativeDemocracy.Web.Features.Promises;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Common.Hosting;

/// <summary>Service-user polls, participation promises and partnerships (issue 8).</summary>
public static class ParticipationServices
{
    public static IServiceCollection AddPlatformParticipation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PollAudienceCheck>();
        services.AddScoped<PromiseFeedback>();
        services.AddScoped<PartnershipUpdates>();
        services.AddSingleton<PollResultsBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<PollResultsBroadcaster>());
        services.AddScoped<AdvancePollsJob>();
        services.AddScoped<RemindPromisedDatesJob>();
        if (JobServices.IsEnabled(configuration))
        {
            services.AddHostedService<ParticipationJobsRegistrar>();
        }

        return services;
    }
}
