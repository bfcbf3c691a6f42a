using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Jobs;

namespace ParticipativeDemocracy.E2E;

/// <summary>
/// The real app on a real Kestrel port, on its own freshly migrated and seeded database, exactly as
/// deploy/local/run.sh prepares it (the migrate verb with --seed).
/// </summary>
public sealed class AppUnderTest : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private string _connectionString = "";

    public Uri BaseAddress { get; private set; } = null!;

    public ShiftedClock Clock { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _connectionString = await CreateDatabaseAsync();
        var migrated = await MigrateVerb.RunAsync(["migrate", "--seed", $"--ConnectionStrings:Default={_connectionString}", "--environment=Testing"]);
        Assert.Equal(0, migrated);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            // Outside Development the framework's own files (blazor.web.js) come from the build's static web assets only when asked.
            builder.UseStaticWebAssets();
            builder.UseSetting("ConnectionStrings:Default", _connectionString);
            builder.UseSetting("Hangfire:WorkerCount", "1");
            // Every browser test signs in from one address: twenty-odd tests in a minute outrun the per-address limits.
            builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
            builder.UseSetting("RateLimits:Verification:PermitLimit", "100000");
            // Host settings sit under appsettings.json, which sets Information; app configuration added here wins.
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(
                new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Warning" }));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<Serilog.Core.ILogEventSink, ParticipativeDemocracy.Web.Tests.Infrastructure.ServerErrorLog>();
            });
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
    }

    public IServiceProvider Services => _factory!.Services;

    /// <summary>Accounts are made directly until residents can sign up through the UI.</summary>
    public async Task CreateUserAsync(string email, string password, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>A staff account whose authenticator key the test knows, so it can answer the second step.</summary>
    public async Task<string> CreateStaffWithAuthenticatorAsync(string email, string password, string role)
    {
        await CreateUserAsync(email, password, role);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        if (await users.GetAuthenticatorKeyAsync(user) is not { } key)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return key;
    }

    /// <summary>The demo holds mail in the outbox (no SMTP server): the body of the newest e-mail to an address.</summary>
    public async Task<string> LatestEmailAsync(string to)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var scope = _factory!.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var body = await db.OutboxEmails.Where(e => e.To == to).OrderByDescending(e => e.CreatedAt).Select(e => e.TextBody).FirstOrDefaultAsync();
            if (body is not null)
            {
                return body;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No e-mail to {to}.");
    }

    /// <summary>
    /// Runs the close job now and says whether the process is closed. The app's own minutely run of the same job
    /// sees the shifted clock too and may get there first, so what counts is the state, not who closed it.
    /// </summary>
    public async Task<bool> CloseDueBudgetsAsync(string slug)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CloseDueBudgetsJob>().RunAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.BudgetSettings.AnyAsync(s => s.ClosedAt != null && db.Processes.Any(p => p.Id == s.ProcessId && p.Slug == slug));
    }

    /// <summary>Runs the round close job now and says whether the round is closed; as above, the app's own run may get there first.</summary>
    public async Task<bool> CloseDueRoundAsync(Guid roundId)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CloseDueRoundsJob>().RunAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DeliberationRounds.AnyAsync(r => r.Id == roundId && r.ClosedAt != null);
    }

    /// <summary>A ready roll with one person on it, as an officer's import would leave it; tests seeding several pick theirs by id.</summary>
    public async Task<Guid> SeedRollAsync(string reference, DateOnly born, string postcode)
    {
        await using var scope = _factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<RollHasher>();
        var council = await db.Organisations.FirstAsync();
        var roll = new VoterRoll { Id = Guid.NewGuid(), OrganisationId = council.Id, Name = "Electoral register 2026", Status = VoterRollStatus.Ready };
        db.VoterRolls.Add(roll);
        db.VoterRollEntries.Add(new VoterRollEntry
        {
            Id = Guid.NewGuid(), RollId = roll.Id, ReferenceHash = hasher.ReferenceHash(reference),
            MatchHash = hasher.MatchHash(reference, born, postcode), DateOfBirth = born, District = "Riverside",
        });
        await db.SaveChangesAsync();
        return roll.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PD_TEST_DB") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("PD_TEST_DB is not set: run the tests with deploy/local/test.sh.");

    private static async Task<string> CreateDatabaseAsync()
    {
        var name = $"pd_e2e_{Guid.NewGuid():N}"[..30];
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }
}
