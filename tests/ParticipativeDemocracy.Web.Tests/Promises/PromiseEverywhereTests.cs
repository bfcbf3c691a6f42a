using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Budgeting;
using ParticipativeDemocracy.Web.Tests.Deliberation;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Promises;

/// <summary>The participation promise is repeated in budget and jury feedback and shown on the public jury pages.</summary>
public sealed class PromiseEverywhereTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Promised = "We will fund the projects you choose up to the whole budget.";

    [Fact]
    public async Task Budget_feedback_results_and_implementation_mails_repeat_the_promise()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        await SetPromiseAsync(scenario.Officer, scenario.ProcessId);
        using var ada = await scenario.ResidentAsync("ada");
        using var dan = await scenario.ResidentAsync("dan");
        var benches = await scenario.AddProjectAsync(ada, "Benches", 40);
        Assert.Equal(HttpStatusCode.OK, (await dan.PutAsync(scenario.Url("follow"), null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dan.PutAsync(scenario.Url($"projects/{benches}/follow"), null, Cancel)).StatusCode);
        await ImplementationAndFeedbackTests.CloseWithVotesAsync(scenario, dan, "Benches");
        using var officer = await BrowserSession.SignedInClientAsync(Fixture, "officer@budget.example", BudgetScenario.Password);
        var posted = await officer.PostAsJsonAsync(scenario.Url($"projects/{benches}/updates"), new { status = "InProgress", note = "Ordered." }, Cancel);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        await using var db = Fixture.CreateDbContext();
        var mails = await db.OutboxEmails.AsNoTracking().ToListAsync(Cancel);
        foreach (var subject in new[] { "What happened to your proposal: Riverside budget", "Results: Riverside budget", "Update on Benches" })
        {
            var mail = Assert.Single(mails, m => m.Subject == subject);
            Assert.Contains(Promised, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Publish the results", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Empower", mail.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_councils_response_to_a_jury_repeats_the_promise_and_the_public_jury_pages_show_it()
    {
        var jury = await JuryScenario.CreateAsync(Fixture, "Aisha");
        var facilitator = await jury.FacilitatorAsync();
        var aisha = await jury.MemberAsync("Aisha");
        var id = await ResponseTests.AdoptAsync(jury, facilitator, aisha);
        var officer = await jury.OfficerAsync();
        await SetPromiseAsync(officer.Http, jury.ProcessId);
        var response = await officer.Http.PostAsJsonAsync($"/api/juries/recommendations/{id}/response",
            new { decision = "Accepted", text = "We will close the streets.", timeline = "By June" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await using (var db = Fixture.CreateDbContext())
        {
            var mail = await db.OutboxEmails.SingleAsync(m => m.To == JuryScenario.EmailOf("Aisha") && m.Subject.StartsWith("You said, we did"), Cancel);
            Assert.Contains("We did (Accepted): We will close the streets.", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains(Promised, mail.TextBody, StringComparison.Ordinal);
        }

        using var anonymous = Fixture.CreateClient();
        var report = await anonymous.GetStringAsync($"/juries/{JuryScenario.Slug}/report", Cancel);
        Assert.Contains("data-testid=\"promise\"", report, StringComparison.Ordinal);
        Assert.Contains(Promised, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jury_registration_page_shows_the_promise()
    {
        var jury = await Juries.JuryScenario.CreateAsync(Fixture);
        using var anonymous = Fixture.CreateClient();
        Assert.DoesNotContain("data-testid=\"promise\"", await anonymous.GetStringAsync($"/juries/{jury.Slug}/register", Cancel), StringComparison.Ordinal);
        await SetPromiseAsync(jury.Officer, jury.ProcessId);
        var page = await anonymous.GetStringAsync($"/juries/{jury.Slug}/register", Cancel);
        Assert.Contains("data-testid=\"promise\"", page, StringComparison.Ordinal);
        Assert.Contains(Promised, page, StringComparison.Ordinal);
    }

    private static async Task SetPromiseAsync(HttpClient officer, Guid processId)
    {
        var saved = await officer.PutAsJsonAsync($"/api/processes/{processId}/promise", new
        {
            level = "Empower",
            text = Promised,
            items = new[] { new { text = "Publish the results", dueAt = PlatformFixture.Start.AddDays(30) } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }
}
