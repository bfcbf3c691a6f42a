using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>A ballot racing the close either commits before the count reads the box or is refused; it never lands after it.</summary>
public sealed class BallotBoxGateTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task A_ballot_that_reaches_the_box_while_the_close_is_counting_waits_and_is_refused()
    {
        var scenario = await BudgetScenario.OpenAsync(Fixture, ("Playground", 60));
        using var voter = await scenario.ResidentAsync("voter");

        // The close as CloseVoting does it, held open: the gate taken exclusively, the process marked closed.
        await using var closing = new NpgsqlConnection(Fixture.ConnectionString);
        await closing.OpenAsync(Cancel);
        await using var transaction = await closing.BeginTransactionAsync(Cancel);
        await Execute(closing, $"SELECT pg_advisory_xact_lock({BallotBoxGate.LockClass}, hashtext('{scenario.ProcessId}'))");
        await Execute(closing, $"UPDATE app.\"BudgetSettings\" SET \"ClosedAt\" = now() WHERE \"ProcessId\" = '{scenario.ProcessId}'");

        var cast = scenario.VoteAsync(voter, "Playground");
        await WaitUntilABallotWaitsAtTheGateAsync();
        Assert.False(cast.IsCompleted);
        await transaction.CommitAsync(Cancel);

        var response = await cast;
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(BallotBoxGate.ClosedMessage, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString());
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.BudgetBallots.CountAsync(Cancel));
        Assert.Equal(0, await db.VoterRecords.CountAsync(Cancel));
    }

    [Fact]
    public async Task The_close_waits_for_a_ballot_already_at_the_box_and_counts_it()
    {
        var scenario = await BudgetScenario.OpenAsync(Fixture, ("Playground", 60));

        // A ballot statement in flight holds the gate shared until it commits.
        await using var ballot = new NpgsqlConnection(Fixture.ConnectionString);
        await ballot.OpenAsync(Cancel);
        await using var transaction = await ballot.BeginTransactionAsync(Cancel);
        await Execute(ballot, $"SELECT app.ballot_box_open('{scenario.ProcessId}')");

        scenario.PassDeadline();
        var close = Task.Run(scenario.RunCloseJobAsync, Cancel);
        await WaitUntilABallotWaitsAtTheGateAsync();
        Assert.False(close.IsCompleted);
        await Execute(ballot, $$"""
            INSERT INTO app."BudgetBallots" ("Id", "ProcessId", "BudgetId", "ReceiptCode", "Choices", "CastAt")
            VALUES (gen_random_uuid(), '{{scenario.ProcessId}}', '{{scenario.ProcessId}}', 'GATETEST2345',
                    '[{"ProjectId": "{{scenario.Projects["Playground"]}}", "Points": 1}]'::jsonb, now())
            """);
        await transaction.CommitAsync(Cancel);

        Assert.Equal(1, await close);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.BudgetOutcomes.Where(o => o.ProcessId == scenario.ProcessId).Select(o => o.BallotCount).SingleAsync(Cancel));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task WaitUntilABallotWaitsAtTheGateAsync()
    {
        await using var watcher = new NpgsqlConnection(Fixture.ConnectionString);
        await watcher.OpenAsync(Cancel);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = {BallotBoxGate.LockClass}::oid AND NOT granted", watcher);
            if ((long)(await command.ExecuteScalarAsync(Cancel))! > 0)
            {
                return;
            }

            await Task.Delay(50, Cancel);
        }

        Assert.Fail("Nothing ever waited at the ballot box gate.");
    }
}
