using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class CloseAndResultsTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Close_job_counts_once_and_publishes_a_recomputable_result()
    {
        var scenario = await VotedBudgetAsync();
        scenario.PassDeadline();

        Assert.Equal(1, await RunCloseJobAsync());
        Assert.Equal(0, await RunCloseJobAsync());

        using var anyone = Fixture.CreateClient();
        var results = await anyone.GetFromJsonAsync<JsonElement>(scenario.Url("results"), Cancel);
        // Greedy by votes: Playground (3) fits; Library (2) would overspend; Trees (2) fits: £100 of £100.
        var selected = results.GetProperty("projects").EnumerateArray()
            .Where(p => p.GetProperty("selectedAs").ValueKind == JsonValueKind.Number)
            .Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Playground", "Trees"], selected);
        Assert.Equal(100m, results.GetProperty("totalCost").GetDecimal());
        Assert.Equal(5, results.GetProperty("ballots").GetInt32());

        var file = await anyone.GetStringAsync(scenario.Url("ballots.pb"), Cancel);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)));
        Assert.Equal(results.GetProperty("inputsHash").GetString(), hash);
    }

    [Fact]
    public async Task Officers_see_the_same_ballots_counted_under_the_other_rules_and_the_public_does_not()
    {
        var scenario = await VotedBudgetAsync();
        scenario.PassDeadline();
        await RunCloseJobAsync();

        // The officer's first cookie has outlived its 14 days on the test clock: sign in again.
        using var officerClient = await BrowserSession.SignedInClientAsync(Fixture, "officer@budget.example", BudgetScenario.Password);
        var officer = await officerClient.GetFromJsonAsync<JsonElement>(scenario.Url("results"), Cancel);
        var comparisons = officer.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Equal(["Greedy", "Method of Equal Shares (Cost utility)", "Method of Equal Shares (Cost utility, Add1 completion)", "Sequential Phragmén"],
            comparisons.Select(c => c.GetProperty("rule").GetString()));
        Assert.Equal([true, false, false, false], comparisons.Select(c => c.GetProperty("configured").GetBoolean()));
        Assert.All(comparisons, c => Assert.Equal(100m, c.GetProperty("totalCost").GetDecimal()));

        using var anyone = Fixture.CreateClient();
        var open = await anyone.GetFromJsonAsync<JsonElement>(scenario.Url("results"), Cancel);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("comparisons").ValueKind);
        await using var db = Fixture.CreateDbContext();
        var slug = (await db.Processes.SingleAsync(Cancel)).Slug;
        Assert.Contains("data-testid=\"rule-comparison\"", await officerClient.GetStringAsync($"/processes/{slug}/results", Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain("rule-comparison", await anyone.GetStringAsync($"/processes/{slug}/results", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_erases_the_keys_that_tie_ballots_to_voters()
    {
        var scenario = await VotedBudgetAsync();
        scenario.PassDeadline();
        await RunCloseJobAsync();

        await using var db = Fixture.CreateDbContext();
        Assert.All(await db.BudgetBallots.ToListAsync(Cancel), b => Assert.Null(b.ReplacementKey));
    }

    [Fact]
    public async Task Hangfire_runs_the_close_job_from_its_own_storage()
    {
        var scenario = await VotedBudgetAsync();
        scenario.PassDeadline();
        Fixture.Factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<CloseDueBudgetsJob>(j => j.RunAsync(CancellationToken.None));

        using var anyone = Fixture.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage response;
        do
        {
            await Task.Delay(200, Cancel);
            response = await anyone.GetAsync(scenario.Url("results"), Cancel);
        }
        while (response.StatusCode == HttpStatusCode.NotFound && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Results_and_ballots_are_not_published_before_the_close()
    {
        var scenario = await VotedBudgetAsync();
        using var anyone = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(scenario.Url("results"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anyone.GetAsync(scenario.Url("ballots.pb"), Cancel)).StatusCode);
    }

    [Fact]
    public async Task Hidden_tally_shows_turnout_to_the_public_and_projects_to_officers()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        await scenario.Officer.PutAsJsonAsync(scenario.Url("budget"), BudgetScenario.Rules(visibility: "HiddenUntilClose"), Cancel);
        using var voter = await scenario.ResidentAsync("voter");
        await scenario.AddProjectAsync(voter, "Trees", 40);
        scenario.OpenVoting();
        await scenario.VoteAsync(voter, "Trees");

        using var anyone = Fixture.CreateClient();
        var publicTally = await anyone.GetFromJsonAsync<JsonElement>(scenario.Url("tally"), Cancel);
        Assert.Equal(1, publicTally.GetProperty("ballots").GetInt32());
        Assert.Equal(JsonValueKind.Null, publicTally.GetProperty("projects").ValueKind);

        var officerTally = await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("tally"), Cancel);
        Assert.Equal(1, officerTally.GetProperty("projects")[0].GetProperty("votes").GetInt32());
    }

    [Fact]
    public async Task Live_tally_reaches_a_signalr_client_coalesced_not_per_ballot()
    {
        var scenario = await OpenThreeProjectBudgetAsync();
        var voters = new List<HttpClient>();
        for (var i = 0; i < 12; i++)
        {
            voters.Add(await scenario.ResidentAsync($"live{i}"));
        }

        await using var hub = await HubClient.ConnectAsync(Fixture, Cancel);
        var pushes = new List<TallyView>();
        var twelve = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<TallyView>(nameof(IProcessClient.TallyChanged), tally =>
        {
            lock (pushes)
            {
                pushes.Add(tally);
            }

            if (tally.Ballots == 12)
            {
                twelve.TrySetResult();
            }
        });
        await hub.InvokeAsync(nameof(ProcessHub.WatchProcess), scenario.ProcessId, Cancel);

        await Task.WhenAll(voters.Select(v => scenario.VoteAsync(v, "Trees")));
        await twelve.Task.WaitAsync(TimeSpan.FromSeconds(20), Cancel);

        Assert.True(pushes.Count < 12, $"{pushes.Count} pushes for 12 ballots: the tally is not coalesced");
        Assert.Equal(12, pushes[^1].Projects!.Single(p => p.Title == "Trees").Votes);
        voters.ForEach(v => v.Dispose());
    }

    private async Task<int> RunCloseJobAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CloseDueBudgetsJob>().RunAsync(Cancel);
    }

    private Task<BudgetScenario> OpenThreeProjectBudgetAsync() =>
        BudgetScenario.OpenAsync(Fixture, ("Playground", 60), ("Library", 50), ("Trees", 40));

    private async Task<BudgetScenario> VotedBudgetAsync()
    {
        var scenario = await OpenThreeProjectBudgetAsync();
        string[][] ballots = [["Playground"], ["Playground"], ["Playground"], ["Library", "Trees"], ["Library", "Trees"]];
        for (var i = 0; i < ballots.Length; i++)
        {
            using var voter = await scenario.ResidentAsync($"v{i}");
            Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(voter, ballots[i])).StatusCode);
        }

        return scenario;
    }
}
