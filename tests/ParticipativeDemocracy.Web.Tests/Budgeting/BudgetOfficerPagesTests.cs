using System.Net;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>Officer pages on top of the budget API: assisted ballots and moving phases that have not started.</summary>
public sealed class BudgetOfficerPagesTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task An_officer_casts_a_ballot_for_a_resident_on_the_assisted_ballot_page()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        var benches = await scenario.AddProjectAsync(ada, "Benches", 40);
        await scenario.AddProjectAsync(ada, "Trees", 50);
        var url = $"/admin/processes/{scenario.ProcessId}/assisted-ballot";
        Assert.Contains("data-testid=\"assisted-not-voting\"", await scenario.Officer.GetStringAsync(url, Cancel), StringComparison.Ordinal);

        scenario.OpenVoting();
        using var officer = await BrowserSession.SignedInClientAsync(Fixture, "officer@budget.example", BudgetScenario.Password);
        var page = await officer.GetStringAsync(url, Cancel);
        Assert.Contains("Benches", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"assisted-not-voting\"", page, StringComparison.Ordinal);

        var unknown = await BrowserSession.SubmitFormAsync(officer, url, "assisted-ballot", new Dictionary<string, string>
        {
            ["residentEmail"] = "nobody@residents.example", ["choice"] = benches.ToString(),
        });
        var unknownHtml = await unknown.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("href=\"#residentEmail\"", unknownHtml, StringComparison.Ordinal);
        Assert.Contains("No resident has an account with this e-mail address.", unknownHtml, StringComparison.Ordinal);

        var cast = await BrowserSession.SubmitFormAsync(officer, url, "assisted-ballot", new Dictionary<string, string>
        {
            ["residentEmail"] = "ada@residents.example", ["choice"] = benches.ToString(),
        });
        var castHtml = await cast.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("data-testid=\"assisted-receipt\"", castHtml, StringComparison.Ordinal);

        await using var db = Fixture.CreateDbContext();
        var record = await db.VoterRecords.SingleAsync(Cancel);
        Assert.Equal("Assisted", record.Channel.ToString());
        var adaId = await db.Users.Where(u => u.Email == "ada@residents.example").Select(u => u.Id).SingleAsync(Cancel);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "CastAssistedBallot", Cancel);
        Assert.Equal(adaId, entry.OnBehalfOfId);
        Assert.Equal(1, await db.BudgetBallots.CountAsync(Cancel));
    }

    [Fact]
    public async Task Too_many_projects_for_the_budget_are_refused_on_the_assisted_ballot_page_and_nothing_is_stored()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        var benches = await scenario.AddProjectAsync(ada, "Benches", 60);
        var trees = await scenario.AddProjectAsync(ada, "Trees", 60);
        scenario.OpenVoting();
        using var officer = await BrowserSession.SignedInClientAsync(Fixture, "officer@budget.example", BudgetScenario.Password);
        var url = $"/admin/processes/{scenario.ProcessId}/assisted-ballot";
        var refused = await PostWithTokenAsync(officer, url, "assisted-ballot",
            [("residentEmail", "ada@residents.example"), ("choice", benches.ToString()), ("choice", trees.ToString())]);
        Assert.Contains("href=\"#choices\"", refused, StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.BudgetBallots.CountAsync(Cancel));
    }

    [Fact]
    public async Task An_officer_moves_a_phase_that_has_not_started_and_a_started_one_cannot_be_chosen()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        var url = $"/admin/processes/{scenario.ProcessId}/phases";
        var page = await scenario.Officer.GetStringAsync(url, Cancel);
        Assert.Contains("9 November 2026, 09:00", page, StringComparison.Ordinal);

        var wrongOrder = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "move-phase", new Dictionary<string, string>
        {
            ["phase"] = "Voting", ["startsAt"] = "2026-11-20T09:00",
        });
        var wrongHtml = await wrongOrder.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("href=\"#startsAt\"", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("must start after the phase before it", wrongHtml, StringComparison.Ordinal);

        var moved = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "move-phase", new Dictionary<string, string>
        {
            ["phase"] = "Voting", ["startsAt"] = "2026-11-10T18:30",
        });
        Assert.Contains("data-testid=\"phase-moved\"", await moved.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using (var db = Fixture.CreateDbContext())
        {
            var settings = await db.BudgetSettings.SingleAsync(Cancel);
            Assert.Equal(new DateTimeOffset(2026, 11, 10, 18, 30, 0, TimeSpan.Zero), settings.VotingOpensAt);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "MoveBudgetPhase", Cancel));
        }

        Fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 19, 0, 0, TimeSpan.Zero));
        using var officer = await BrowserSession.SignedInClientAsync(Fixture, "officer@budget.example", BudgetScenario.Password);
        var started = await officer.GetStringAsync(url, Cancel);
        Assert.DoesNotContain("<option value=\"Voting\"", started, StringComparison.Ordinal);
        var refused = await BrowserSession.SubmitFormAsync(officer, url, "move-phase", new Dictionary<string, string>
        {
            ["phase"] = "Voting", ["startsAt"] = "2026-11-12T09:00",
        });
        Assert.Contains("can no longer be moved", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var resident = await scenario.ResidentAsync("ada");
        Assert.NotEqual(HttpStatusCode.OK, (await resident.GetAsync(url, Cancel)).StatusCode);
    }

    /// <summary>Like <see cref="BrowserSession.SubmitFormAsync"/>, but a field may repeat (several ticked projects).</summary>
    private static async Task<string> PostWithTokenAsync(HttpClient client, string url, string formName, (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(url, Cancel);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        using var form = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("_handler", formName))
            .Append(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        return await (await client.PostAsync(url, form, Cancel)).Content.ReadAsStringAsync(Cancel);
    }
}
