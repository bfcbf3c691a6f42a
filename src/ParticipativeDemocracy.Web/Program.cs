using ParticipativeDemocracy.Web.Common.Hosting;
using Serilog;

Log.Logger = StartupLogging.CreateBootstrapLogger();

if (MigrateVerb.IsRequested(args))
{
    return await MigrateVerb.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformLogging();
builder.Services.AddPlatformServices(builder.Configuration);

var app = builder.Build();
app.UsePlatformPipeline();
app.MapPlatformEndpoints();

return await StartupGuard.RunAsync(app);

public partial class Program;
