using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>
/// How many round trips to PostgreSQL one online ballot makes: one read of everything it is checked
/// against and one statement writing the registry row and the ballot, without a transaction around them.
/// A count, not a time: it fails when someone adds a round trip to the hot path.
/// </summary>
public sealed class BallotRoundTripTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task A_ballot_with_a_voting_pass_makes_two_round_trips()
    {
        var scenario = await OpenBudgetAsync();
        using var anonymous = Fixture.CreateClient();
        var codes = await scenario.CodesAsync(2);
        // The first ballot warms up what is read once per host (compiled queries, key ring).
        var warmUp = await BudgetScenario.PassAsync(anonymous, codes[0]);
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteWithPassAsync(anonymous, warmUp, "Trees")).StatusCode);
        var pass = await BudgetScenario.PassAsync(anonymous, codes[1]);

        var log = await LoggedAsync(anonymous, scenario, pass, "Library");

        AssertTwoRoundTrips(log);
    }

    [Fact]
    public async Task A_signed_in_ballot_replacing_the_last_one_makes_two_round_trips()
    {
        var scenario = await OpenBudgetAsync();
        using var voter = await scenario.ResidentAsync("counted");
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(voter, "Trees")).StatusCode);

        var log = await LoggedAsync(voter, scenario, pass: null, "Library");

        AssertTwoRoundTrips(log);
    }

    private static void AssertTwoRoundTrips(IReadOnlyList<string> log)
    {
        Assert.True(log.Count == 2, $"Expected 2 round trips, got {log.Count}:\n{string.Join("\n---\n", log)}");
        Assert.Contains("\"BudgetSettings\"", log[0], StringComparison.Ordinal);
        Assert.Contains("\"BudgetProjects\"", log[0], StringComparison.Ordinal);
        Assert.Contains("\"ProcessEligibility\"", log[0], StringComparison.Ordinal);
        Assert.Contains("INSERT INTO app.\"BudgetBallots\"", log[1], StringComparison.Ordinal);
        Assert.DoesNotContain(DatabaseCommandLog.Commit, log);
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
        return Fixture.Factory.Services.GetRequiredService<DatabaseCommandLog>().For(token);
    }

    private async Task<BudgetScenario> OpenBudgetAsync()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var proposer = await scenario.ResidentAsync("proposer");
        await scenario.AddProjectAsync(proposer, "Library", 50);
        await scenario.AddProjectAsync(proposer, "Trees", 40);
        scenario.OpenVoting();
        return scenario;
    }
}
