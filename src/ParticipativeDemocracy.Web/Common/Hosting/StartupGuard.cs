using System.Net.Sockets;
using Npgsql;
using Serilog;

namespace ParticipativeDemocracy.Web.Common.Hosting;

/// <summary>
/// Turns the two usual misconfigurations (database unreachable, port taken) into one clear
/// sentence and an exit code, instead of a stack trace.
/// </summary>
public static class StartupGuard
{
    public const int DatabaseUnreachable = 2;
    public const int PortTaken = 3;

    public static async Task<int> RunAsync(WebApplication app)
    {
        var connectionString = app.Configuration.GetConnectionString("Default") ?? string.Empty;
        var problem = await DatabaseProbe.DescribeProblemAsync(connectionString);
        if (problem is not null)
        {
            Log.Fatal("{Problem}", problem);
            return DatabaseUnreachable;
        }

        var urls = app.Configuration["urls"] ?? "http://localhost:5000";
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                                     || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            Log.Fatal(
                "Cannot listen on {Urls}: the port is already in use. Stop the other program or set ASPNETCORE_URLS, e.g. ASPNETCORE_URLS=http://localhost:5081.",
                urls);
            return PortTaken;
        }
    }
}

public static class DatabaseProbe
{
    public static async Task<string?> DescribeProblemAsync(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
        }
        catch (ArgumentException ex)
        {
            return $"The connection string ConnectionStrings:Default is not valid: {ex.Message}";
        }

        try
        {
            await using var connection = new NpgsqlConnection(parsed.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            return $"Cannot reach PostgreSQL at {parsed.Host}:{parsed.Port} (database '{parsed.Database}'): {ex.Message.TrimEnd('.')}. " +
                   "Start it with deploy/local/run.sh, or point ConnectionStrings__Default at a running server.";
        }
    }
}
