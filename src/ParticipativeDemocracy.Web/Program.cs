using ParticipativeDemocracy.Web.Common.Hosting;
using Serilog;

Log.Logger = StartupLogging.CreateBootstrapLogger();

if (MigrateVerb.IsRequested(args))
{
    return await MigrateVerb.RunAsync(args);
}

if (HealthCheckVerb.IsRequested(args))
{
    return await HealthCheckVerb.RunAsync(args);
}

var app = PlatformHost.Create(new WebApplicationOptions { Args = args });
return await StartupGuard.RunAsync(app);

public partial class Program;
