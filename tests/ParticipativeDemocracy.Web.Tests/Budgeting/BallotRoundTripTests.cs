using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>
/// How many round trips to PostgreSQL one online ballot makes, without a transaction around them. While voting
/// is open the process's facts are held by the app and checked by the one statement that writes the registry row
/// and the ballot, which <see cref="BallotWriter"/> shares with the ballots cast at the same moment. So a code
/// holder's request sends nothing of its own, and an account's reads its roll entry; each is written by one batch.
/// A count, not a time: it fails when someone adds a round trip to the hot path.
/// </summary>
public sealed class BallotRoundTripTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task A_ballot_with_a_voting_pass_makes_one_round_trip()
    {
        var scenario = await OpenBudgetAsync();
        using var anonymous = Fixture.CreateClient();
        var codes = await scenario.CodesAsync(2);
        // The first ballot reads the process's facts and warms up what is read once per host (compiled queries, key ring).
        var warmUp = await BudgetScenario.PassAsync(anonymous, codes[0]);
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteWithPassAsync(anonymous, warmUp, "Trees")).StatusCode);
        var pass = await BudgetScenario.PassAsync(anonymous, codes[1]);

        var log = await LoggedAsync(anonymous, scenario, pass, "Library");

        Assert.True(log.Count == 0, $"Expected no round trip of the request's own, got {log.Count}:\n{string.Join("\n---\n", log)}");
    }

    [Fact]
    public async Task A_signed_in_ballot_replacing_the_last_one_makes_two_round_trips()
    {
        var scenario = await OpenBudgetAsync();
        using var voter = await scenario.ResidentAsync("counted");
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(voter, "Trees")).StatusCode);

        var log = await LoggedAsync(voter, scenario, pass: null, "Library");

        Assert.True(log.Count == 1, $"Expected 1 round trip of the request's own, got {log.Count}:\n{string.Join("\n---\n", log)}");
        Assert.Contains("\"RollVerifications\"", log[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\"BudgetSettings\"", log[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_ballot_reads_every_fact_in_one_query()
    {
        var scenario = await OpenBudgetAsync();
        using var voter = await scenario.ResidentAsync("first");

        var log = await LoggedAsync(voter, scenario, pass: null, "Library");

        Assert.True(log.Count == 1, $"Expected 1 round trip of the request's own, got {log.Count}:\n{string.Join("\n---\n", log)}");
        Assert.Contains("\"BudgetSettings\"", log[0], StringComparison.Ordinal);
        Assert.Contains("\"BudgetProjects\"", log[0], StringComparison.Ordinal);
        Assert.Contains("\"ProcessEligibility\"", log[0], StringComparison.Ordinal);
        Assert.Contains("ballot_facts_stamp", log[0], StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> LoggedAsync(HttpClient client, BudgetScenario scenario, string? pass, string title)
    {
        var token = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, scenario.Url("ballots"))
        {
            Content = JsonContent.Create(new { choices = new[] { new { projectId = scenario.Projects[title] } } }),
        };
        request.Headers.Add(DatabaseCommandLog.Header, token);
        if (pass is not null)
        {
            request.Headers.Add("Voting-Pass", pass);
        }

        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertWrittenInOneTransactionAsync(await response.Content.ReadFromJsonAsync<BallotReceipt>(Cancel));
        return Fixture.Factory.Services.GetRequiredService<DatabaseCommandLog>().For(token);
    }

    /// <summary>The writer's statement put the registry row and the ballot in together.</summary>
    private async Task AssertWrittenInOneTransactionAsync(BallotReceipt? receipt)
    {
        await using var db = Fixture.CreateDbContext();
        var registryRows = await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM app."VoterRecords" r
            WHERE r."BudgetId" = {receipt!.BudgetId} AND r.xmin = (SELECT b.xmin FROM app."BudgetBallots" b WHERE b."ReceiptCode" = {receipt.ReceiptCode})
            """).SingleAsync(Cancel);
        Assert.Equal(1, registryRows);
    }

    private Task<BudgetScenario> OpenBudgetAsync() => BudgetScenario.OpenAsync(Fixture, ("Library", 50), ("Trees", 40));
}
