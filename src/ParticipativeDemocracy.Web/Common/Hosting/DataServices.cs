using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class DataServices
{
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set.");
        // Statements a server runs thousands of times (the ballot's) are parsed and planned once per connection.
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        if (connection.MaxAutoPrepare == 0)
        {
            connection.MaxAutoPrepare = 64;
        }

        // Pooled: a ballot is a few cheap statements, and building a context's services per request cost more than they did.
        services.AddDbContextPool<AppDbContext>(options => options.UseNpgsql(
            connection.ConnectionString,
            npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", AppDbContext.Schema)));

        // Keys in the database, so every replica can read every other replica's cookies.
        services.AddDataProtection()
            .SetApplicationName("ParticipativeDemocracy")
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}
