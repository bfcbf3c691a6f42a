using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using static ParticipativeDemocracy.Web.Tests.Budgeting.PaperSteps;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>Paper ballots keyed twice by different officers; paper and online voters exclude each other.</summary>
public sealed class PaperBallotTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Batch_counts_when_two_officers_keyings_agree()
    {
        var (scenario, second) = await OpenAsync();
        var batch = await BatchAsync(scenario);
        var ballots = new[] { Ballot("R-1", "P03"), Ballot("R-2", "P02") };

        var first = await KeyAsync(scenario.Officer, scenario, batch, ballots);
        Assert.Equal("Keying", (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString());
        var agreed = await (await KeyAsync(second, scenario, batch, ballots)).Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal("Counted", agreed.GetProperty("status").GetString());
        Assert.Equal(2, agreed.GetProperty("counted").GetInt32());
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(2, await db.BudgetBallots.CountAsync(Cancel));
        Assert.All(await db.VoterRecords.ToListAsync(Cancel), r => Assert.Equal(VoteChannel.Paper, r.Channel));
        var tally = await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("tally"), Cancel);
        Assert.Equal(2, tally.GetProperty("ballots").GetInt32());
    }

    [Fact]
    public async Task Same_officer_cannot_key_a_batch_twice()
    {
        var (scenario, _) = await OpenAsync();
        var batch = await BatchAsync(scenario);
        Assert.Equal(HttpStatusCode.OK, (await KeyAsync(scenario.Officer, scenario, batch, [Ballot("R-1", "P01")])).StatusCode);

        var again = await KeyAsync(scenario.Officer, scenario, batch, [Ballot("R-1", "P01")]);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("another officer", (await again.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.PaperKeyings.CountAsync(Cancel));
        Assert.Equal(0, await db.BudgetBallots.CountAsync(Cancel));
    }

    [Fact]
    public async Task Mismatch_is_shown_and_the_batch_counts_only_after_an_officer_resolves_it()
    {
        var (scenario, second) = await OpenAsync();
        var batch = await BatchAsync(scenario);
        await KeyAsync(scenario.Officer, scenario, batch, [Ballot("R-1", "P03"), Ballot("R-2", "P02")]);
        // The second officer keys later; "first" and "second" follow the keying times.
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var differing = await (await KeyAsync(second, scenario, batch, [Ballot("R-1", "P03"), Ballot("R-2", "P01")])).Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal("Mismatched", differing.GetProperty("status").GetString());
        var mismatch = differing.GetProperty("mismatches").EnumerateArray().Single();
        Assert.Equal(1, mismatch.GetProperty("position").GetInt32());
        Assert.Equal("P02", mismatch.GetProperty("first").GetProperty("projects")[0].GetString());
        Assert.Equal("P01", mismatch.GetProperty("second").GetProperty("projects")[0].GetString());
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(0, await db.BudgetBallots.CountAsync(Cancel));
        }

        var resolved = await scenario.Officer.PostAsJsonAsync(scenario.Url($"paper-batches/{batch}/resolutions"),
            new { position = 1, ballot = Ballot("R-2", "P02") }, Cancel);
        var view = await resolved.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Counted", view.GetProperty("status").GetString());
        Assert.Equal(2, view.GetProperty("counted").GetInt32());
        await using (var db = Fixture.CreateDbContext())
        {
            var ballots = await db.BudgetBallots.ToListAsync(Cancel);
            Assert.Equal(new[] { scenario.Projects["Library"], scenario.Projects["Trees"] }.Order(), ballots.Select(b => b.Choices.Single().ProjectId).Order());
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "ResolvePaperBallot", Cancel);
            Assert.Contains("P01", audit.Before, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Voter_who_voted_on_paper_is_refused_online_with_409()
    {
        var (scenario, second) = await OpenAsync();
        var batch = await BatchAsync(scenario);
        await KeyAsync(scenario.Officer, scenario, batch, [Ballot("R-1", "P03")]);
        await KeyAsync(second, scenario, batch, [Ballot("R-1", "P03")]);
        using var resident = await RollAndResidentAsync(scenario);

        var online = await scenario.VoteAsync(resident, "Library");

        Assert.Equal(HttpStatusCode.Conflict, online.StatusCode);
        Assert.Contains("on paper", (await online.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(scenario.Projects["Trees"], (await db.BudgetBallots.SingleAsync(Cancel)).Choices.Single().ProjectId);
    }

    [Fact]
    public async Task Paper_ballot_of_a_voter_who_voted_online_is_refused_with_409()
    {
        var (scenario, _) = await OpenAsync();
        using var resident = await RollAndResidentAsync(scenario);
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(resident, "Library")).StatusCode);
        var batch = await BatchAsync(scenario);

        var paper = await KeyAsync(scenario.Officer, scenario, batch, [Ballot("R-2", "P01"), Ballot("r-1", "P03")]);

        Assert.Equal(HttpStatusCode.Conflict, paper.StatusCode);
        var detail = (await paper.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString();
        Assert.Equal("Ballot 2 (r-1): this person has already voted online in this process, so their paper ballot cannot count.", detail);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.PaperKeyings.CountAsync(Cancel));
    }

    [Fact]
    public async Task Officers_key_a_batch_twice_on_the_paper_page_and_it_counts()
    {
        var (scenario, second) = await OpenAsync();
        var batch = await BatchAsync(scenario);
        var url = $"/admin/processes/{scenario.ProcessId}/paper";
        Assert.Contains("Library box 1", await scenario.Officer.GetStringAsync(url, Cancel), StringComparison.Ordinal);
        // R-3 marked projects worth 110 of a 100 budget: spoilt.
        var fields = new Dictionary<string, string> { ["ballots"] = "R-1: P03\nR-2: P02\nR-3: P02 P01" };

        var first = await BrowserSession.SubmitFormAsync(scenario.Officer, url, $"key-{batch:N}", fields);
        Assert.Contains("Keyed 1 of 2 times", await first.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var again = await BrowserSession.SubmitFormAsync(scenario.Officer, url, $"key-{batch:N}", fields);
        Assert.Contains("another officer", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var counted = await BrowserSession.SubmitFormAsync(second, url, $"key-{batch:N}", fields);

        var page = await counted.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("2 ballots counted", page, StringComparison.Ordinal);
        Assert.Contains("1 spoilt: unreadable, unclear or breaking the ballot rules", page, StringComparison.Ordinal);
        // The pound sign is HTML-encoded; the rest of the reason reads as the online ballot's.
        Assert.Contains("110, more than the", page, StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(2, await db.BudgetBallots.CountAsync(Cancel));
    }

    private static async Task<HttpClient> RollAndResidentAsync(BudgetScenario scenario)
    {
        var roll = await scenario.RollAsync("R-1,1980-01-01,CF10 1AA,Riverside\nR-2,1981-02-02,CF10 1AB,Riverside\n");
        return await VerifiedResidentAsync(scenario, roll, "ada", "R-1", "1980-01-01", "CF10 1AA");
    }

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
