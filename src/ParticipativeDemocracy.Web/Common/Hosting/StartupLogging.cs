using System.Globalization;
using Serilog;
using Serilog.Formatting.Compact;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class StartupLogging
{
    private const string ReadableTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>The logger used before the host exists, for start-up failures and the migrate verb.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .WriteTo.Console(outputTemplate: "{Message:lj}{NewLine}", formatProvider: CultureInfo.InvariantCulture)
            .CreateLogger();

    public static WebApplicationBuilder AddPlatformLogging(this WebApplicationBuilder builder)
    {
        var readable = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration)
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext()
                    .Enrich.WithProperty("Application", "ParticipativeDemocracy");
                if (readable)
                {
                    logger.WriteTo.Console(outputTemplate: ReadableTemplate, formatProvider: CultureInfo.InvariantCulture);
                }
                else
                {
                    logger.WriteTo.Console(new CompactJsonFormatter());
                }
            },
            preserveStaticLogger: true);
        LoggerPerCategory.Wrap(builder.Services);
        return builder;
    }
}
