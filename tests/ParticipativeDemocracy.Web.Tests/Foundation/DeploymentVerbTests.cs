using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Foundation;

/// <summary>The migrate verb and the start-up guard, each on a database of its own.</summary>
public sealed class DeploymentVerbTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_with_seed_twice_creates_one_demo_council()
    {
        var connectionString = await TestDatabase.CreateAsync("pd_migrate");
        try
        {
            string[] args = ["migrate", "--seed", $"--ConnectionStrings:Default={connectionString}", "--environment=Testing"];
            Assert.Equal(0, await MigrateVerb.RunAsync(args));
            Assert.Equal(0, await MigrateVerb.RunAsync(args));

            await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
                .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory", AppDbContext.Schema)).Options);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
            Assert.Equal(1, await db.Organisations.CountAsync(Cancel));
            // Budget, jury, poll, partnership, and last year's budget in its implementation phase.
            Assert.Equal(5, await db.Processes.CountAsync(Cancel));
            Assert.Equal(1, await db.Partnerships.CountAsync(Cancel));
            Assert.Equal(1, await db.HealthChecks.CountAsync(h => h.ClosedAt != null, Cancel));
            Assert.Equal(60, await db.PollAnswerSheets.CountAsync(Cancel));
            Assert.Equal(2, await db.ParticipationPromises.CountAsync(Cancel));
            Assert.Equal(5, await db.Roles.CountAsync(Cancel));
            var admin = await db.Users.SingleAsync(u => u.Email == "admin@example.org", Cancel);
            var adminRoles = await db.UserRoles.Where(r => r.UserId == admin.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(Cancel);
            Assert.Contains("Administrator", adminRoles);
        }
        finally
        {
            await TestDatabase.DropAsync(connectionString);
        }
    }

    [Fact]
    public async Task Migrate_against_an_unreachable_database_exits_with_a_clear_code()
    {
        var exit = await MigrateVerb.RunAsync(["migrate", "--ConnectionStrings:Default=Host=127.0.0.1;Port=1;Database=nowhere;Username=x;Timeout=2"]);
        Assert.Equal(StartupGuard.DatabaseUnreachable, exit);
    }

    [Fact]
    public async Task Unreachable_database_is_described_in_one_sentence()
    {
        var problem = await DatabaseProbe.DescribeProblemAsync("Host=127.0.0.1;Port=1;Database=nowhere;Username=x");
        Assert.NotNull(problem);
        Assert.StartsWith("Cannot reach PostgreSQL at 127.0.0.1:1 (database 'nowhere')", problem, StringComparison.Ordinal);
        Assert.Contains("deploy/local/run.sh", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reachable_database_has_no_problem()
    {
        Assert.Null(await DatabaseProbe.DescribeProblemAsync(TestDatabase.ServerConnectionString + ";Database=postgres"));
    }

    [Fact]
    public async Task Taken_port_ends_the_host_with_a_clear_code()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await using var app = PlatformHost.Create(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            EnvironmentName = "Testing",
            Args =
            [
                $"--urls=http://127.0.0.1:{port}",
                $"--ConnectionStrings:Default={TestDatabase.ServerConnectionString};Database=postgres",
                "--Hangfire:Enabled=false",
            ],
        });

        Assert.Equal(StartupGuard.PortTaken, await StartupGuard.RunAsync(app));
    }
}
