namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class PlatformHost
{
    /// <summary>The whole web host, wired and ready to run; Program.cs and start-up tests share it.</summary>
    public static WebApplication Create(WebApplicationOptions options)
    {
        var builder = WebApplication.CreateBuilder(options);
        builder.AddPlatformLogging();
        builder.Services.AddPlatformServices(builder.Configuration);

        var app = builder.Build();
        app.UsePlatformPipeline();
        app.MapPlatformEndpoints();
        return app;
    }
}
