using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Seeding;
using Serilog;

namespace ParticipativeDemocracy.Web.Common.Hosting;

/// <summary>
/// <c>ParticipativeDemocracy.Web migrate [--seed]</c>: the deployment step that applies committed
/// migrations (and, for demos, seeds a council) and exits. The web host never migrates on start.
/// </summary>
public static class MigrateVerb
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Skip(1).Where(a => a != "--seed").ToArray());
        builder.Configuration["Hangfire:Enabled"] = "false";
        builder.AddPlatformLogging();
        builder.Services.AddPlatformServices(builder.Configuration);
        await using var app = builder.Build();

        var problem = await DatabaseProbe.DescribeProblemAsync(app.Configuration.GetConnectionString("Default") ?? "");
        if (problem is not null)
        {
            Log.Fatal("{Problem}", problem);
            return StartupGuard.DatabaseUnreachable;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        Log.Information("Database migrated ({Count} migration(s) applied).", pending.Count);

        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
        if (args.Contains("--seed"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoCouncilSeeder>().SeedAsync(CancellationToken.None);
            Log.Information("Demo council seeded.");
        }

        return 0;
    }
}
