using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Seeding;
using Respawn;

namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>
/// One host and one database for the whole test assembly (tests run one at a time, see
/// AssemblyInfo.cs). Order matters: migrate before the host starts (Hangfire installs its schema
/// at start-up), then build the respawner over the app schema only.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private Respawner? _respawner;

    public TestClock Clock { get; } = new(Start);

    public string ConnectionString { get; private set; } = "";

    public TestSmtpServer Smtp { get; } = new();

    public PlatformFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync("pd_web_tests");
        await using (var db = CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        Smtp.Start();
        Factory = new PlatformFactory(ConnectionString, Clock, Smtp.Port);
        _ = Factory.Services;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = [AppDbContext.Schema],
            // The host keeps its data-protection key ring in memory; emptying the table under it would leave the
            // ring and the database disagreeing once the test clock moves past the ring's refresh time.
            TablesToIgnore = ["__EFMigrationsHistory", "DataProtectionKeys"],
        });
        await ResetAsync();
    }

    /// <summary>
    /// The truncation locks every table while the host's background work of the last test (a live-tally push, a
    /// ballot batch and its count triggers, a minutely job) may hold some of them: PostgreSQL then breaks the
    /// deadlock by failing one side, and when it is the truncation, it is tried again.
    /// </summary>
    private async Task EmptyAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                await _respawner!.ResetAsync(connection);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
            }
        }
    }

    /// <summary>Empties the app schema and puts back what every installation has (the roles).</summary>
    public async Task ResetAsync()
    {
        await EmptyAsync();
        Clock.SetUtcNow(Start);
        Smtp.Clear();
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
    }

    public AppDbContext CreateDbContext() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory", AppDbContext.Schema))
        .Options);

    public HttpClient CreateClient()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // 1,000 queued ballots on a machine shared by several builds can outlast HttpClient's default 100 s.
        client.Timeout = TimeSpan.FromMinutes(10);
        return client;
    }

    public async Task<AppUser> CreateUserAsync(string email, string password, params string[] roles)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedAt = Clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        // Staff need the authenticator app; BrowserSession answers the second step with this key.
        if (roles.Contains("Officer") || roles.Contains("Administrator"))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            BrowserSession.AuthenticatorKeys[email] = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        return user;
    }

    /// <summary>
    /// Many signed-in residents, fast: accounts without passwords (no password hashing), each signed
    /// in through the real one-time sign-in link page.
    /// </summary>
    public async Task<HttpClient[]> SignedInResidentsAsync(int count)
    {
        var links = new List<string>();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            for (var i = 0; i < count; i++)
            {
                var email = $"resident{i}@many.example";
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedAt = Clock.GetUtcNow() };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, "Resident")).Succeeded);
                var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, "SignInLink");
                links.Add($"/account/sign-in-link?userId={user.Id}&code={Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}");
            }
        }

        return await Task.WhenAll(links.Select(async link =>
        {
            var client = CreateClient();
            var response = await BrowserSession.SubmitFormAsync(client, link, "sign-in-link", new Dictionary<string, string>());
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            return client;
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}
