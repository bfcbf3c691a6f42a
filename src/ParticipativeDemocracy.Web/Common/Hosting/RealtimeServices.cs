using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class RealtimeServices
{
    public static IServiceCollection AddPlatformRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TallyBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<TallyBroadcaster>());
        var signalR = services.AddSignalR();
        // With several replicas, Redis carries hub messages between them.
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix =
                StackExchange.Redis.RedisChannel.Literal("pd"));
        }

        return services;
    }
}
