using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.LoadDriver;

/// <summary>The real app on Kestrel, on a fresh migrated database holding one budget open for voting.</summary>
internal sealed class BenchmarkApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _server;

    private BenchmarkApp(WebApplicationFactory<Program> factory, string server, string connectionString)
    {
        _factory = factory;
        _server = server;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    public Guid ProcessId { get; private set; }

    public IReadOnlyList<Guid> Projects { get; private set; } = [];

    public VotingCodes Codes => _factory.Services.GetRequiredService<VotingCodes>();

    /// <summary>The API's own JSON settings (enums as names, unlike the hub), for reading its answers.</summary>
    public JsonSerializerOptions ApiJson => _factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    public static async Task<BenchmarkApp> StartAsync(string server)
    {
        var name = $"pd_load_{Guid.NewGuid():N}"[..28];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100, Timeout = 60 }.ConnectionString;
        if (await MigrateVerb.RunAsync(["migrate", $"--ConnectionStrings:Default={connectionString}", "--environment=Testing"]) != 0)
        {
            throw new InvalidOperationException("Migrating the benchmark database failed.");
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Hangfire:WorkerCount", "1");
            // Host settings sit under appsettings.json, which sets Information; app configuration added here wins.
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(
                new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Warning" }));
            builder.UseSetting("RateLimits:BallotSubmission:PermitLimit", "100000000");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var app = new BenchmarkApp(factory, server, connectionString);
        await app.SeedAsync();
        app.IssuePasses();
        return app;
    }

    /// <summary>
    /// Voters without an account hold the pass a redeemed letter code gave them, on their own devices. Passes are
    /// issued before any load, so the driver's CPU is not spent on the app's redemption work while it measures.
    /// Once all were used they are used again: those voters then replace their ballots.
    /// </summary>
    private const int Voters = 100_000;

    private string[] _passes = [];

    /// <summary>The voters' passes, issued before the load; the load casts as each in turn, then again as replacements.</summary>
    public IReadOnlyList<string> Passes => _passes;

    /// <summary>A voter who has not voted yet, whatever the load before used.</summary>
    public string FreshPass() => Codes.IssuePass(Guid.NewGuid(), ProcessId, null, DateTimeOffset.UtcNow);

    private void IssuePasses()
    {
        var now = DateTimeOffset.UtcNow;
        _passes = new string[Voters];
        Parallel.For(0, Voters, i => _passes[i] = Codes.IssuePass(Guid.NewGuid(), ProcessId, null, now));
    }

    private async Task SeedAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var council = new Organisation { Id = Guid.NewGuid(), Name = "Load council", Slug = "load", TimeZone = "Europe/London", CreatedAt = now };
        var process = new Process
        {
            Id = Guid.NewGuid(), OrganisationId = council.Id, Kind = ProcessKind.ParticipatoryBudget, Title = "Load budget",
            Slug = "load-budget", Status = ProcessStatus.Open, OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(1), CreatedAt = now, UpdatedAt = now,
        };
        db.Organisations.Add(council);
        db.Processes.Add(process);
        db.BudgetSettings.Add(new BudgetSettings
        {
            ProcessId = process.Id, Amount = 1_000_000m, Currency = "GBP", BallotKind = BudgetBallotKind.Approval, MustFitBudget = true,
            CountingRule = BudgetCountingRule.EqualShares, TallyVisibility = TallyVisibility.Public,
            VotingOpensAt = now.AddHours(-1), VotingClosesAt = now.AddDays(1), ConfigurationVersion = 1,
        });
        db.ProcessBudgets.Add(new ProcessBudget { Id = process.Id, ProcessId = process.Id, Name = "Load budget", Amount = 1_000_000m });
        var projects = Enumerable.Range(1, 12).Select(i => new BudgetProject
        {
            Id = Guid.NewGuid(), ProcessId = process.Id, BudgetId = process.Id, Code = $"P{i:D2}", Title = $"Project {i}", EstimatedCost = 50_000m + (i * 10_000m),
            Status = ProposalStatus.Feasible, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.BudgetProjects.AddRange(projects);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE app.pgbench_rows (id bigserial PRIMARY KEY, payload jsonb NOT NULL, at timestamptz NOT NULL)");
        ProcessId = process.Id;
        Projects = projects.Select(p => p.Id).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
