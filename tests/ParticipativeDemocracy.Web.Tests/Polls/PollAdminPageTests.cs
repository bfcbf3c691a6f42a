using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities.Polls;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Polls;

/// <summary>Officers set up a poll on its page (the same command as the API) and find every officer page from the process list.</summary>
public sealed class PollAdminPageTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    // November in London is GMT, so the local times typed are the UTC instants of the scenario.
    private const string OpensLocal = "2026-11-03T09:00";
    private const string ClosesLocal = "2026-11-10T09:00";

    [Fact]
    public async Task An_officer_sets_up_a_poll_of_the_five_kinds_and_each_error_is_shown_on_its_field()
    {
        var scenario = await PollScenario.CreateAsync(Fixture, configure: false);
        var url = $"/admin/processes/{scenario.ProcessId}/poll";
        Assert.Contains("Not set up yet", await scenario.Officer.GetStringAsync(url, Cancel), StringComparison.Ordinal);

        var bad = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "configure-poll", new Dictionary<string, string>
        {
            ["serviceName"] = "", ["audience"] = "Everyone", ["opensAt"] = ClosesLocal, ["closesAt"] = OpensLocal, ["minGroupSize"] = "5",
            ["managerEmails"] = "",
            ["q0-kind"] = "Rating", ["q0-text"] = "How good is it?", ["q0-options"] = "Good\nBad",
            ["q2-kind"] = "Ranking", ["q2-text"] = "What matters?", ["q2-options"] = "Only one",
        });
        var badHtml = await bad.Content.ReadAsStringAsync(Cancel);
        foreach (var field in new[] { "serviceName", "closesAt", "managerEmails", "q0-options", "q2-options" })
        {
            Assert.Contains($"href=\"#{field}\"", badHtml, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"What matters?\"", badHtml, StringComparison.Ordinal);
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.False(await db.Polls.AnyAsync(Cancel));
        }

        var saved = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "configure-poll", new Dictionary<string, string>
        {
            ["serviceName"] = "Central Library", ["audience"] = "CodeHolders", ["opensAt"] = OpensLocal, ["closesAt"] = ClosesLocal,
            ["liveResults"] = "true", ["minGroupSize"] = "4", ["managerEmails"] = "head@library.example\ndeputy@library.example",
            ["q0-kind"] = "SingleChoice", ["q0-text"] = "How often do you visit?", ["q0-options"] = "Weekly\nMonthly\nRarely",
            ["q1-kind"] = "MultipleChoice", ["q1-text"] = "What do you use?", ["q1-options"] = "Books\r\nComputers",
            ["q3-kind"] = "Ranking", ["q3-text"] = "Which hours matter most?", ["q3-options"] = "Evenings\nSundays",
            ["q4-kind"] = "Rating", ["q4-text"] = "How good is the service?",
            ["q5-kind"] = "FreeText", ["q5-text"] = "What should change?",
        });
        var savedHtml = await saved.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("The poll is saved with 5 questions.", savedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"What should change?\"", savedHtml, StringComparison.Ordinal);

        await using (var db = Fixture.CreateDbContext())
        {
            var poll = await db.Polls.SingleAsync(Cancel);
            Assert.Equal("Central Library", poll.ServiceName);
            Assert.Equal(PollAudience.CodeHolders, poll.Audience);
            Assert.Equal(PollScenario.OpensAt, poll.OpensAt);
            Assert.Equal(PollScenario.ClosesAt, poll.ClosesAt);
            Assert.True(poll.LiveResults);
            Assert.Equal(4, poll.MinGroupSize);
            Assert.Equal(["head@library.example", "deputy@library.example"], poll.ManagerEmails);
            Assert.Equal(
                [PollQuestionKind.SingleChoice, PollQuestionKind.MultipleChoice, PollQuestionKind.Ranking, PollQuestionKind.Rating, PollQuestionKind.FreeText],
                poll.Questions.Select(q => q.Kind));
            Assert.Equal(["Books", "Computers"], poll.Questions[1].Options);
            Assert.Empty(poll.Questions[3].Options);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ConfigurePoll", Cancel));
        }

        using var resident = await scenario.UserAsync("ann@residents.example");
        Assert.NotEqual(HttpStatusCode.OK, (await resident.GetAsync(url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(scenario.Url("/settings"), Cancel)).StatusCode);
        var settings = await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("/settings"), Cancel);
        Assert.Equal(2, settings.GetProperty("managerEmails").GetArrayLength());
    }

    [Fact]
    public async Task Once_open_the_page_is_locked_and_after_the_close_the_officer_publishes_the_managers_response()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        var url = $"/admin/processes/{scenario.ProcessId}/poll";
        var before = await scenario.Officer.GetStringAsync(url, Cancel);
        Assert.Contains("value=\"How good is the service?\"", before, StringComparison.Ordinal);
        Assert.Contains("You can respond once the poll has closed.", before, StringComparison.Ordinal);

        scenario.Open();
        var open = await scenario.Officer.GetStringAsync(url, Cancel);
        Assert.Contains("data-testid=\"poll-locked\"", open, StringComparison.Ordinal);
        Assert.DoesNotContain("configure-poll", open, StringComparison.Ordinal);
        using var ann = await scenario.UserAsync("ann@residents.example");
        Assert.Equal(HttpStatusCode.OK, (await ann.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(notifyEmail: "ann@mail.example"), Cancel)).StatusCode);

        scenario.PassDeadline();
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AdvancePollsJob>().RunAsync(Cancel);
        }

        var empty = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "respond", new Dictionary<string, string> { ["response"] = "" });
        Assert.Contains("href=\"#response\"", await empty.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var responded = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "respond", new Dictionary<string, string>
        {
            ["response"] = "We will open until 8pm on Thursdays.\nSundays stay closed.",
        });
        Assert.Contains("data-testid=\"managers-response\"", await responded.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.StartsWith("We will open until 8pm", (await db.Polls.SingleAsync(Cancel)).ManagersResponse, StringComparison.Ordinal);
        Assert.Contains("We will open until 8pm", (await db.OutboxEmails.SingleAsync(e => e.To == "ann@mail.example", Cancel)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_list_links_every_officer_page_and_a_new_poll_opens_its_set_up_page()
    {
        var poll = await PollScenario.CreateAsync(Fixture);
        await using var read = Fixture.CreateDbContext();
        var council = await read.Organisations.Select(o => o.Id).SingleAsync(Cancel);
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var kind in new[] { "ParticipatoryBudget", "Partnership", "CitizensJury" })
        {
            var created = await poll.Officer.PostAsJsonAsync("/api/processes", new { organisationId = council, kind, title = $"A {kind}", opensAt = PlatformFixture.Start, publish = true }, Cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids[kind] = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        }

        var page = await poll.Officer.GetStringAsync("/admin/processes", Cancel);
        foreach (var href in new[]
                 {
                     $"/admin/processes/{poll.ProcessId}/poll", $"/polls/{poll.Slug}/results", $"/admin/processes/{poll.ProcessId}/promise",
                     $"/admin/partnerships/{ids["Partnership"]}", $"/admin/processes/{ids["Partnership"]}/promise",
                     $"/admin/processes/{ids["ParticipatoryBudget"]}/phases", $"/admin/processes/{ids["ParticipatoryBudget"]}/assisted-ballot",
                     $"/admin/processes/{ids["ParticipatoryBudget"]}/implementation", $"/admin/juries/{ids["CitizensJury"]}/letters",
                     $"/admin/processes/{ids["CitizensJury"]}/promise",
                 })
        {
            Assert.Contains($"href=\"{href}\"", page, StringComparison.Ordinal);
        }

        var created2 = await BrowserSession.SubmitFormAsync(poll.Officer, "/admin/processes", "create-process", new Dictionary<string, string>
        {
            ["kind"] = "ServiceUserPoll", ["title"] = "Leisure centre survey", ["summary"] = "", ["opensAt"] = "", ["closesAt"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, created2.StatusCode);
        Assert.Matches(@"/admin/processes/[0-9a-f-]{36}/poll$", created2.Headers.Location?.OriginalString ?? "");
    }

    [Fact]
    public async Task The_site_stylesheet_keeps_the_line_breaks_of_minutes_and_responses()
    {
        using var client = Fixture.CreateClient();
        var css = await client.GetStringAsync("/css/site.css", Cancel);
        Assert.Contains(".pd-pre-line{white-space:pre-line", css, StringComparison.Ordinal);
    }
}
