using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using static ParticipativeDemocracy.Web.Tests.Budgeting.PaperSteps;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>
/// The paper count window (ADR 0011): online voting closes at the deadline, but paper batches still unsettled then are
/// keyed and resolved before the count, which runs exactly once when the last one settles or an officer counts now.
/// </summary>
public sealed class PaperCountWindowTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Settled_batches_at_the_deadline_count_at_the_close_with_their_ballots()
    {
        var (scenario, second) = await OpenAsync();
        await KeyTwiceAsync(scenario, second, await BatchAsync(scenario), Ballot("R-1", "P03"), Ballot("R-2", "P02"));
        scenario.PassDeadline();

        Assert.Equal(1, await scenario.RunCloseJobAsync());

        await using var db = Fixture.CreateDbContext();
        var settings = await db.BudgetSettings.SingleAsync(Cancel);
        Assert.Equal(settings.ClosedAt, settings.CountedAt);
        Assert.Equal(2, (await db.BudgetOutcomes.SingleAsync(Cancel)).BallotCount);
        Assert.Equal(1, await db.BudgetFeedbackRuns.CountAsync(Cancel));
    }

    [Fact]
    public async Task Unsettled_batch_defers_the_count_and_its_second_keying_after_the_close_counts_exactly_once()
    {
        var (scenario, second) = await OpenAsync();
        await KeyTwiceAsync(scenario, second, await BatchAsync(scenario), Ballot("R-1", "P03"), Ballot("R-2", "P02"));
        var late = await BatchAsync(scenario);
        Assert.Equal(HttpStatusCode.OK, (await KeyAsync(scenario.Officer, scenario, late, Ballot("R-3", "P03"))).StatusCode);
        using var online = await scenario.ResidentAsync("ada");
        scenario.PassDeadline();

        Assert.Equal(1, await scenario.RunCloseJobAsync());

        await using (var db = Fixture.CreateDbContext())
        {
            var settings = await db.BudgetSettings.SingleAsync(Cancel);
            Assert.NotNull(settings.ClosedAt);
            Assert.Null(settings.CountedAt);
            Assert.Equal(0, await db.BudgetOutcomes.CountAsync(Cancel));
            Assert.Equal(0, await db.BudgetFeedbackRuns.CountAsync(Cancel));
            Assert.Equal(ProcessStatus.Closed, (await db.Processes.SingleAsync(p => p.Id == scenario.ProcessId, Cancel)).Status);
        }

        await RunPhaseJobAsync();
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(BudgetPhaseKind.Voting, (await db.BudgetSettings.SingleAsync(Cancel)).CurrentPhase);
        }

        var results = await Fixture.CreateClient().GetAsync(scenario.Url("results"), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
        Assert.Contains("paper ballots are being counted", await results.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var tally = await Fixture.CreateClient().GetFromJsonAsync<JsonElement>(scenario.Url("tally"), Cancel);
        Assert.Equal("Counting", tally.GetProperty("stage").GetString());
        Assert.True(tally.GetProperty("countingPaper").GetBoolean());
        Assert.Equal("Voting has closed. Paper ballots are still being counted: there are no results yet.", tally.GetProperty("notice").GetString());
        Assert.Contains("Paper ballots are still being counted", await PageAsync("/processes/riverside-budget/results", "en-GB"), StringComparison.Ordinal);
        Assert.Contains("Mae papurau pleidleisio&#x27;n dal i gael eu cyfrif", await PageAsync("/processes/riverside-budget/results", "cy-GB"), StringComparison.Ordinal);
        var refused = await scenario.VoteAsync(online, "Library");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var keyed = await KeyAsync(second, scenario, late, Ballot("R-3", "P03"));

        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Equal("Counted", (await keyed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString());
        Assert.Equal(0, await scenario.RunCloseJobAsync());
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.NotNull((await db.BudgetSettings.SingleAsync(Cancel)).CountedAt);
            var outcome = await db.BudgetOutcomes.SingleAsync(Cancel);
            Assert.Equal(3, outcome.BallotCount);
            Assert.Equal(3, await db.VoterRecords.CountAsync(Cancel));
            Assert.Equal(1, await db.BudgetFeedbackRuns.CountAsync(Cancel));
        }

        Assert.Equal(1, await RunPhaseJobAsync());
        var published = await Fixture.CreateClient().GetFromJsonAsync<JsonElement>(scenario.Url("results"), Cancel);
        Assert.Equal(3, published.GetProperty("ballots").GetInt32());
        var pb = await Fixture.CreateClient().GetStringAsync(scenario.Url("ballots.pb"), Cancel);
        Assert.Equal(published.GetProperty("inputsHash").GetString(), Hash(pb));
        var after = await KeyAsync(scenario.Officer, scenario, await RefusedNewBatchAsync(scenario), Ballot("R-4", "P01"));
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }

    [Fact]
    public async Task Batch_opened_after_the_close_for_ballots_received_by_the_deadline_counts_before_the_results()
    {
        var (scenario, second) = await OpenAsync();
        var keyedBefore = await BatchAsync(scenario);
        await KeyAsync(scenario.Officer, scenario, keyedBefore, Ballot("R-1", "P03"));
        scenario.PassDeadline();
        Assert.Equal(1, await scenario.RunCloseJobAsync());

        var openedAfter = await BatchAsync(scenario);
        var settledAfter = await KeyTwiceAsync(scenario, second, openedAfter, Ballot("R-2", "P02"));

        Assert.Equal("Counted", settledAfter.GetProperty("status").GetString());
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(0, await db.BudgetOutcomes.CountAsync(Cancel));
        }

        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await KeyAsync(second, scenario, keyedBefore, Ballot("R-1", "P03"))).StatusCode);
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(2, (await db.BudgetOutcomes.SingleAsync(Cancel)).BallotCount);
        }
    }

    [Fact]
    public async Task Mismatch_resolved_after_the_close_counts_the_batch_and_the_process()
    {
        var (scenario, second) = await OpenAsync();
        var batch = await BatchAsync(scenario);
        await KeyAsync(scenario.Officer, scenario, batch, Ballot("R-1", "P03"), Ballot("R-2", "P02"));
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var differing = await KeyAsync(second, scenario, batch, Ballot("R-1", "P03"), Ballot("R-2", "P01"));
        Assert.Equal("Mismatched", (await differing.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString());
        scenario.PassDeadline();
        Assert.Equal(1, await scenario.RunCloseJobAsync());
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(0, await db.BudgetOutcomes.CountAsync(Cancel));
        }

        var resolved = await scenario.Officer.PostAsJsonAsync(scenario.Url($"paper-batches/{batch}/resolutions"),
            new { position = 1, ballot = Ballot("R-2", "P02") }, Cancel);

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        await using (var db = Fixture.CreateDbContext())
        {
            var outcome = await db.BudgetOutcomes.SingleAsync(Cancel);
            Assert.Equal(2, outcome.BallotCount);
            Assert.Equal(["P02", "P03"], outcome.SelectedCodes.Order());
        }
    }

    [Fact]
    public async Task Count_now_needs_a_reason_leaves_unsettled_batches_out_of_ballots_and_turnout_and_is_audited()
    {
        var (scenario, second) = await OpenAsync();
        await KeyTwiceAsync(scenario, second, await BatchAsync(scenario), Ballot("R-1", "P03"));
        var unsettled = await BatchAsync(scenario);
        await KeyAsync(scenario.Officer, scenario, unsettled, Ballot("R-2", "P02"), Ballot("R-3", "P02"));
        var early = await scenario.Officer.PostAsJsonAsync(scenario.Url("count"), new { reason = "Too early" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Voting has not closed", await early.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        scenario.PassDeadline();
        Assert.Equal(1, await scenario.RunCloseJobAsync());

        var noReason = await scenario.Officer.PostAsJsonAsync(scenario.Url("count"), new { reason = " " }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var problem = await noReason.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("1 paper batch", problem.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(0, await db.BudgetOutcomes.CountAsync(Cancel));
            Assert.Equal(PaperBatchStatus.Keying, (await db.PaperBatches.SingleAsync(b => b.Id == unsettled, Cancel)).Status);
        }

        using var resident = await scenario.ResidentAsync("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync(scenario.Url("count"), new { reason = "x" }, Cancel)).StatusCode);

        var counted = await scenario.Officer.PostAsJsonAsync(scenario.Url("count"), new { reason = "The second keyer is ill; the box was checked." }, Cancel);

        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        var view = await counted.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(unsettled, view.GetProperty("notCounted").EnumerateArray().Single().GetProperty("id").GetGuid());
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(1, (await db.BudgetOutcomes.SingleAsync(Cancel)).BallotCount);
            Assert.Equal(1, await db.VoterRecords.CountAsync(Cancel));
            Assert.Equal(PaperBatchStatus.NotCounted, (await db.PaperBatches.SingleAsync(b => b.Id == unsettled, Cancel)).Status);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "CountNow", Cancel);
            Assert.Contains("The second keyer is ill", audit.After, StringComparison.Ordinal);
            Assert.Contains(unsettled.ToString(), audit.After, StringComparison.Ordinal);
        }

        var tally = await Fixture.CreateClient().GetFromJsonAsync<JsonElement>(scenario.Url("tally"), Cancel);
        Assert.Equal(1, tally.GetProperty("voters").GetInt32());
        Assert.Equal("Results", tally.GetProperty("stage").GetString());
        var again = await scenario.Officer.PostAsJsonAsync(scenario.Url("count"), new { reason = "again" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already counted", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Conflict, (await KeyAsync(second, scenario, unsettled, Ballot("R-2", "P02"), Ballot("R-3", "P02"))).StatusCode);
    }

    [Fact]
    public async Task Officers_count_now_on_the_paper_page_after_confirming()
    {
        var (scenario, _) = await OpenAsync();
        await KeyAsync(scenario.Officer, scenario, await BatchAsync(scenario), Ballot("R-2", "P02"));
        scenario.PassDeadline();
        await scenario.RunCloseJobAsync();
        var url = $"/admin/processes/{scenario.ProcessId}/paper";
        Assert.Contains("Batches not settled yet: 1.", await scenario.Officer.GetStringAsync(url, Cancel), StringComparison.Ordinal);

        var unconfirmed = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "count-now", new Dictionary<string, string> { ["reason"] = "Box lost" });
        Assert.Contains("Confirm that you want to count now.", await unconfirmed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var counted = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "count-now",
            new Dictionary<string, string> { ["reason"] = "Box lost", ["confirm"] = "true" });

        var page = await counted.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("The votes have been counted", page, StringComparison.Ordinal);
        Assert.Contains("Not counted", page, StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, (await db.BudgetOutcomes.SingleAsync(Cancel)).BallotCount);
    }

    [Fact]
    public async Task Two_officers_settling_the_last_two_batches_at_once_count_exactly_once()
    {
        var (scenario, second) = await OpenAsync();
        var (a, b) = (await BatchAsync(scenario), await BatchAsync(scenario));
        await KeyAsync(scenario.Officer, scenario, a, Ballot("R-1", "P03"));
        await KeyAsync(scenario.Officer, scenario, b, Ballot("R-2", "P02"));
        await Fixture.CreateUserAsync("third-officer@budget.example", BudgetScenario.Password, "Officer");
        using var third = await BrowserSession.SignedInClientAsync(Fixture, "third-officer@budget.example", BudgetScenario.Password);
        scenario.PassDeadline();
        Assert.Equal(1, await scenario.RunCloseJobAsync());
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var keyed = await Task.WhenAll(
            KeyAsync(second, scenario, a, Ballot("R-1", "P03")),
            KeyAsync(third, scenario, b, Ballot("R-2", "P02")));

        Assert.All(keyed, k => Assert.Equal(HttpStatusCode.OK, k.StatusCode));
        await using var db = Fixture.CreateDbContext();
        var outcome = await db.BudgetOutcomes.SingleAsync(Cancel);
        Assert.Equal(2, outcome.BallotCount);
        Assert.NotNull((await db.BudgetSettings.SingleAsync(Cancel)).CountedAt);
        Assert.Equal(1, await db.BudgetFeedbackRuns.CountAsync(Cancel));
    }

    private async Task<int> RunPhaseJobAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdvanceBudgetPhasesJob>().RunAsync(Cancel);
    }

    private async Task<string> PageAsync(string path, string language)
    {
        using var client = Fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await client.SendAsync(request, Cancel)).Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>A batch opened after the count is refused (409); returns the counted batch, to try keying it again.</summary>
    private async Task<Guid> RefusedNewBatchAsync(BudgetScenario scenario)
    {
        var created = await scenario.Officer.PostAsJsonAsync(scenario.Url("paper-batches"), new { label = "Found later" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, created.StatusCode);
        await using var db = Fixture.CreateDbContext();
        return (await db.PaperBatches.OrderBy(b => b.CreatedAt).FirstAsync(Cancel)).Id;
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Projects P01 Playground, P02 Library, P03 Trees; voting open; a second officer to key.</summary>
    private async Task<(BudgetScenario Scenario, HttpClient SecondOfficer)> OpenAsync()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var proposer = await scenario.ResidentAsync("proposer");
        await scenario.AddProjectAsync(proposer, "Playground", 60);
        await scenario.AddProjectAsync(proposer, "Library", 50);
        await scenario.AddProjectAsync(proposer, "Trees", 40);
        scenario.OpenVoting();
        return (scenario, await SecondOfficerAsync(Fixture));
    }
}
