using Npgsql;

namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>
/// Each test run gets its own database on the server named by PD_TEST_DB (deploy/local/test.sh
/// starts one), so runs and fixtures never share state.
/// </summary>
public static class TestDatabase
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PD_TEST_DB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "PD_TEST_DB is not set. Run the tests with deploy/local/test.sh, which starts PostgreSQL, " +
                "or set PD_TEST_DB to a server connection string (Host=...;Port=...;Username=...).");

    public static async Task<string> CreateAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        // Several helpers share a 2-core machine and one server (max_connections 300): tests that queue 1,000
        // requests on one row wait for a pooled connection rather than time out or take the server's last slots.
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, 100);
        builder.Timeout = Math.Max(builder.Timeout, 120);
        builder.CommandTimeout = Math.Max(builder.CommandTimeout, 120);
        return builder.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
