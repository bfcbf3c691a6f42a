namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class RealtimeServices
{
    public static IServiceCollection AddPlatformRealtime(this IServiceCollection services, IConfiguration configuration)
    {
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
