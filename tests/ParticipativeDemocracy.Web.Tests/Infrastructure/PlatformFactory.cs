using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>The real host on a real database; only the clock is fake, so tests move time instead of sleeping.</summary>
public sealed class PlatformFactory(string connectionString, TestClock clock, int smtpPort) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Hangfire:QueuePollInterval", "00:00:00.200");
        builder.UseSetting("Hangfire:SchedulePollingInterval", "00:00:01");
        builder.UseSetting("Hangfire:WorkerCount", "2");
        // Host settings sit under appsettings.json, which sets Information; app configuration added here wins.
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Warning" }));
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:LinkBaseUrl", "http://localhost");
        // Every test client shares one address; the per-address limits are raised, per-user ones stay real.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("RateLimits:CodeRedemption:PermitLimit", "100000");
        // One voter sends 1,000 ballots in one test; the ballot limit test lowers this at run time for its own voter.
        builder.UseSetting("RateLimits:BallotSubmission:PermitLimit", "100000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<Serilog.Core.ILogEventSink, ServerErrorLog>();
            services.AddSingleton<DatabaseCommandLog>();
            services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<DatabaseCommandLog>()));
        });
    }
}
