using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class ImplementationAndFeedbackTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Officers_post_updates_on_funded_projects_the_public_page_shows_them_and_followers_hear()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        using var ben = await scenario.ResidentAsync("ben");
        var benches = await scenario.AddProjectAsync(ada, "Benches", 40);
        var moon = await scenario.AddProjectAsync(ada, "Moon base", 90);
        Assert.Equal(HttpStatusCode.OK, (await ben.PutAsync(scenario.Url($"projects/{benches}/follow"), null, Cancel)).StatusCode);
        var update = new { status = "InProgress", note = "The benches are ordered.", milestone = "Benches installed", milestoneDate = "2027-03-31" };

        var tooEarly = await scenario.Officer.PostAsJsonAsync(scenario.Url($"projects/{benches}/updates"), update, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("results are published", await ProposalParticipationTests.DetailAsync(tooEarly), StringComparison.Ordinal);

        await CloseWithVotesAsync(scenario, ben, "Benches");
        // Two weeks on, the sign-in cookies of the start have expired: sign in again.
        using var officer = await AgainAsync("officer@budget.example");
        using var adaAgain = await AgainAsync("ada@residents.example");
        using var benAgain = await AgainAsync("ben@residents.example");

        var notFunded = await officer.PostAsJsonAsync(scenario.Url($"projects/{moon}/updates"), update, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, notFunded.StatusCode);
        Assert.Contains("not funded", await ProposalParticipationTests.DetailAsync(notFunded), StringComparison.Ordinal);
        var invalid = await officer.PostAsJsonAsync(scenario.Url($"projects/{benches}/updates"),
            new { status = "Planned", note = "", milestone = "Opening" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("note", out _) && errors.TryGetProperty("milestoneDate", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await adaAgain.PostAsJsonAsync(scenario.Url($"projects/{benches}/updates"), update, Cancel)).StatusCode);

        var posted = await officer.PostAsJsonAsync(scenario.Url($"projects/{benches}/updates"), update, Cancel);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(1, (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("followersTold").GetInt32());

        using var anonymous = Fixture.CreateClient();
        var project = await ProposalParticipationTests.GetProjectAsync(anonymous, scenario, benches);
        Assert.True(project.GetProperty("funded").GetBoolean());
        Assert.Equal("InProgress", project.GetProperty("implementationStatus").GetString());
        var timeline = Assert.Single(project.GetProperty("updates").EnumerateArray());
        Assert.Equal("2027-03-31", timeline.GetProperty("milestoneDate").GetString());
        var html = await anonymous.GetStringAsync("/processes/riverside-budget/projects/P01", Cancel);
        foreach (var shown in new[] { "You said, we did", "The benches are ordered.", "In progress", "Milestone: Benches installed, 31 March 2027" })
        {
            Assert.Contains(shown, html, StringComparison.Ordinal);
        }

        var mail = await Fixture.Smtp.WaitForAsync("ben@residents.example");
        Assert.Equal("Update on Benches", mail.Subject);
        Assert.Contains("The benches are ordered.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/processes/riverside-budget/projects/P01", mail.TextBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await benAgain.DeleteAsync(scenario.Url($"projects/{benches}/follow"), Cancel)).StatusCode);
        var quiet = await officer.PostAsJsonAsync(scenario.Url($"projects/{benches}/updates"), new { status = "Completed", note = "Done." }, Cancel);
        Assert.Equal(0, (await quiet.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("followersTold").GetInt32());

        await using var db = Fixture.CreateDbContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "PostProjectUpdate" && e.TargetId == benches.ToString(), Cancel));
    }

    [Fact]
    public async Task The_officers_implementation_page_posts_an_update()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        await scenario.AddProjectAsync(ada, "Benches", 40);
        await CloseWithVotesAsync(scenario, ada, "Benches");
        using var officer = await AgainAsync("officer@budget.example");
        using var reader = await AgainAsync("ada@residents.example");
        var page = $"/admin/processes/{scenario.ProcessId}/implementation";

        var missing = await BrowserSession.SubmitFormAsync(officer, page, "u-P01",
            new Dictionary<string, string> { ["status"] = "Delayed", ["note"] = "", ["milestone"] = "", ["milestoneDate"] = "" });
        Assert.Contains("Say what happened", await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var posted = await BrowserSession.SubmitFormAsync(officer, page, "u-P01",
            new Dictionary<string, string> { ["status"] = "Delayed", ["note"] = "Supplier is late.", ["milestone"] = "", ["milestoneDate"] = "" });
        Assert.Contains("Update posted on P01", await posted.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("Supplier is late.", await reader.GetStringAsync("/processes/riverside-budget/projects/P01", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_count_proposers_hear_why_and_followers_get_the_results_exactly_once()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var ada = await scenario.ResidentAsync("ada");
        using var ben = await scenario.ResidentAsync("ben");
        using var dan = await scenario.ResidentAsync("dan");
        using var eve = await scenario.ResidentAsync("eve");
        await scenario.AddProjectAsync(ada, "Benches", 40);
        await scenario.AddProjectAsync(ada, "Moon base", 90);
        var castle = await ProposalParticipationTests.SubmitAsync(scenario, ada, "Castle", 50);
        await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{castle}/review"), new { feasible = false, reason = "No land for a castle." }, Cancel);
        Assert.Equal(HttpStatusCode.OK, (await dan.PutAsync(scenario.Url("follow"), null, Cancel)).StatusCode);
        await eve.PutAsync(scenario.Url("follow"), null, Cancel);
        Assert.Equal(HttpStatusCode.OK, (await eve.DeleteAsync(scenario.Url("follow"), Cancel)).StatusCode);
        Assert.Contains("Stop e-mailing me the results", await dan.GetStringAsync("/processes/riverside-budget", Cancel), StringComparison.Ordinal);

        await CloseWithVotesAsync(scenario, ben, "Benches");
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            // The close already wrote the feedback; running the retry job again sends nothing.
            Assert.False(await scope.ServiceProvider.GetRequiredService<SendBudgetFeedbackJob>().RunAsync(scenario.ProcessId, Cancel));
        }

        await using var db = Fixture.CreateDbContext();
        var mails = await db.OutboxEmails.AsNoTracking().Where(e => e.Subject.StartsWith("What happened") || e.Subject.StartsWith("Results"))
            .ToListAsync(Cancel);
        var feedback = Assert.Single(mails, m => m.Subject == "What happened to your proposal: Riverside budget");
        Assert.Equal("ada@residents.example", feedback.To);
        foreach (var line in new[] { "P01 Benches: funded.", "P02 Moon base: on the ballot, but not funded.", "not feasible: No land for a castle.", "Greedy" })
        {
            Assert.Contains(line, feedback.TextBody, StringComparison.Ordinal);
        }

        // The count's own explanation says why, e.g. "rejected P02 (Moon base): ... only £60 was left".
        Assert.Matches(@"rejected P02 \(Moon base\).*left", feedback.TextBody);
        var results = Assert.Single(mails, m => m.Subject == "Results: Riverside budget");
        Assert.Equal("dan@residents.example", results.To);
        Assert.Contains("P01 Benches (£40)", results.TextBody, StringComparison.Ordinal);
        Assert.Contains("Voters: 1.", results.TextBody, StringComparison.Ordinal);
        var run = await db.BudgetFeedbackRuns.SingleAsync(Cancel);
        Assert.Equal((1, 1), (run.Proposers, run.Followers));
        Assert.Equal("Results: Riverside budget", (await Fixture.Smtp.WaitForAsync("dan@residents.example")).Subject);
    }

    private Task<HttpClient> AgainAsync(string email) => BrowserSession.SignedInClientAsync(Fixture, email, BudgetScenario.Password);

    internal static async Task CloseWithVotesAsync(BudgetScenario scenario, HttpClient voter, params string[] titles)
    {
        scenario.OpenVoting();
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteAsync(voter, titles)).StatusCode);
        scenario.PassDeadline();
        await using var scope = scenario.Fixture.Factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CloseDueBudgetsJob>().RunAsync(CancellationToken.None));
    }
}
