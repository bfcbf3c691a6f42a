using System.Net;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using ParticipativeDemocracy.Web.Tests.Polls;

namespace ParticipativeDemocracy.Web.Tests.Partnerships;

/// <summary>The server-rendered pages post the same commands as the API.</summary>
public sealed class ParticipationPagesTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task A_resident_answers_a_poll_through_its_page_and_a_bad_rating_is_shown_on_its_field()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        scenario.Open();
        using var resident = await scenario.UserAsync("ann@residents.example");
        var url = $"/polls/{scenario.Slug}";
        var bad = await BrowserSession.SubmitFormAsync(resident, url, "answer-poll", new Dictionary<string, string> { ["q4"] = "9" });
        var badHtml = await bad.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("govuk-error-summary", badHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#q4\"", badHtml, StringComparison.Ordinal);

        var sent = await BrowserSession.SubmitFormAsync(resident, url, "answer-poll", new Dictionary<string, string>
        {
            ["q1"] = "1", ["q2"] = "3", ["q3-o2"] = "1", ["q3-o0"] = "2", ["q4"] = "5", ["q5"] = "Longer Saturdays", ["notifyEmail"] = "ann@mail.example",
        });
        Assert.Contains("data-testid=\"poll-answered\"", await sent.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        var sheet = await db.PollAnswerSheets.SingleAsync(Cancel);
        Assert.Equal([2, 0], sheet.Answers.Single(a => a.Question == 3).Choices);
        Assert.Equal("Longer Saturdays", sheet.Answers.Single(a => a.Question == 5).Text);
    }

    [Fact]
    public async Task Members_rate_through_the_health_check_page_and_the_public_page_shows_the_slice()
    {
        var scenario = await PartnershipScenario.CreateAsync(Fixture);
        var ann = await scenario.MemberAsync("Ann", PlayerLevel.Citizen);
        await scenario.OpenCheckAsync();
        var fields = Enumerable.Range(0, 6).ToDictionary(i => $"s{i}", _ => "4");
        var rated = await BrowserSession.SubmitFormAsync(ann, $"/partnerships/{scenario.Slug}/health-check", "health-check", fields);
        Assert.Contains("data-testid=\"health-answered\"", await rated.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var again = await BrowserSession.SubmitFormAsync(ann, $"/partnerships/{scenario.Slug}/health-check", "health-check", fields);
        Assert.Contains("already answered", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var anonymous = Fixture.CreateClient();
        var page = await anonymous.GetStringAsync($"/partnerships/{scenario.Slug}", Cancel);
        Assert.Contains("data-testid=\"horizontal-only\"", page, StringComparison.Ordinal);
        Assert.Contains("Invite front-line workers", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-level=\"Residents\">1</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_adds_members_and_closes_the_check_on_the_admin_page()
    {
        var scenario = await PartnershipScenario.CreateAsync(Fixture);
        var url = $"/admin/partnerships/{scenario.ProcessId}";
        var added = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "add-member", new Dictionary<string, string>
        {
            ["name"] = "Cllr Jones", ["email"] = "jones@council.example", ["level"] = "PolicyMaker", ["role"] = "Cabinet member",
        });
        Assert.Contains("data-level=\"PolicyMakers\">1</td>", await added.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var opened = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "open-check", new Dictionary<string, string>());
        Assert.Contains("data-testid=\"open-check\"", await opened.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var closed = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "close-check", new Dictionary<string, string>());
        Assert.DoesNotContain("data-testid=\"open-check\"", await closed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var resident = await new PollScenarioUser(Fixture).SignInAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await resident.GetAsync(url, Cancel)).StatusCode);
    }

    private sealed class PollScenarioUser(PlatformFixture fixture)
    {
        public async Task<HttpClient> SignInAsync()
        {
            await fixture.CreateUserAsync("plain@residents.example", PartnershipScenario.Password, "Resident");
            return await BrowserSession.SignedInClientAsync(fixture, "plain@residents.example", PartnershipScenario.Password);
        }
    }
}
