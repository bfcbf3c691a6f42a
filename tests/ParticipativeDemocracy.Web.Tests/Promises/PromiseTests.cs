using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;
using ParticipativeDemocracy.Web.Tests.Polls;

namespace ParticipativeDemocracy.Web.Tests.Promises;

public sealed class PromiseTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private static readonly DateTimeOffset AnswerBy = PlatformFixture.Start.AddDays(30);
    private static readonly DateTimeOffset FundBy = PlatformFixture.Start.AddDays(60);

    [Fact]
    public async Task An_officer_declares_a_promise_anyone_reads_it_and_bad_input_is_named()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        var saved = await SetPromiseAsync(scenario);
        Assert.Equal(2, saved.Count);

        using var anonymous = Fixture.CreateClient();
        var promise = await anonymous.GetFromJsonAsync<JsonElement>(Url(scenario), Cancel);
        Assert.Equal("Consult", promise.GetProperty("level").GetString());
        Assert.Equal("We will answer every point within a month.", promise.GetProperty("text").GetString());
        Assert.Equal(["Pending", "Pending"], promise.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()));

        var bad = await scenario.Officer.PutAsJsonAsync(Url(scenario), new { level = "Empower", text = "", items = new[] { new { text = "", dueAt = AnswerBy } } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("text", out _));
        Assert.True(errors.TryGetProperty("items[0].text", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/processes/{Guid.NewGuid()}/promise", Cancel)).StatusCode);
        using var resident = await scenario.UserAsync("ann@residents.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PutAsJsonAsync(Url(scenario), new { level = "Inform", text = "x", items = Array.Empty<object>() }, Cancel)).StatusCode);
        await using var db = Fixture.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "SetPromise", Cancel));
    }

    [Fact]
    public async Task Items_become_kept_late_or_broken_with_their_evidence()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        var ids = await SetPromiseAsync(scenario);
        var kept = await scenario.Officer.PostAsJsonAsync($"{Url(scenario)}/items/{ids[0]}/outcome",
            new { outcome = "Delivered", evidence = "The managers' response", evidenceUrl = "https://council.example/response" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("Kept", (await kept.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Officer.PostAsJsonAsync($"{Url(scenario)}/items/{ids[0]}/outcome",
            new { outcome = "Broken", evidence = "changed our mind" }, Cancel)).StatusCode);
        var noEvidence = await scenario.Officer.PostAsJsonAsync($"{Url(scenario)}/items/{ids[1]}/outcome",
            new { outcome = "Delivered", evidence = "", evidenceUrl = "javascript:alert(1)" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        var errors = (await noEvidence.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("evidence", out _) && errors.TryGetProperty("evidenceUrl", out _));

        Fixture.Clock.SetUtcNow(FundBy.AddDays(1));
        using var anonymous = Fixture.CreateClient();
        var items = (await anonymous.GetFromJsonAsync<JsonElement>(Url(scenario), Cancel)).GetProperty("items");
        Assert.Equal("Kept", items[0].GetProperty("status").GetString());
        Assert.Equal("https://council.example/response", items[0].GetProperty("evidenceUrl").GetString());
        Assert.Equal("Late", items[1].GetProperty("status").GetString());

        // Two months on, the officer's sign-in has expired: a fresh one.
        using var officer = await BrowserSession.SignedInClientAsync(Fixture, "officer@polls.example", PollScenario.Password);
        var broken = await officer.PostAsJsonAsync($"{Url(scenario)}/items/{ids[1]}/outcome",
            new { outcome = "Broken", evidence = "The budget was cut by the council in March." }, Cancel);
        Assert.True(broken.IsSuccessStatusCode, await broken.Content.ReadAsStringAsync(Cancel));
        items = (await anonymous.GetFromJsonAsync<JsonElement>(Url(scenario), Cancel)).GetProperty("items");
        Assert.Equal("Broken", items[1].GetProperty("status").GetString());
        Assert.Equal("The budget was cut by the council in March.", items[1].GetProperty("evidence").GetString());

        var removeSettled = await officer.PutAsJsonAsync(Url(scenario),
            new { level = "Consult", text = "Shorter", items = Array.Empty<object>() }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, removeSettled.StatusCode);
    }

    [Fact]
    public async Task The_reminder_job_mails_the_officer_once_a_week_before_each_open_date()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        await SetPromiseAsync(scenario);
        Assert.Equal(0, await RunJobAsync());
        Fixture.Clock.SetUtcNow(AnswerBy.AddDays(-8));
        Assert.Equal(0, await RunJobAsync());
        Fixture.Clock.SetUtcNow(AnswerBy.AddDays(-6));
        var parallel = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RunJobAsync()));
        Assert.Equal(1, parallel.Sum());
        Assert.Equal(0, await RunJobAsync());

        await using var db = Fixture.CreateDbContext();
        var mail = await db.OutboxEmails.SingleAsync(Cancel);
        Assert.Equal("officer@polls.example", mail.To);
        Assert.Contains("Publish the managers' response", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/admin/processes/{scenario.ProcessId}/promise", mail.TextBody, StringComparison.Ordinal);
        Fixture.Clock.SetUtcNow(FundBy.AddDays(-1));
        Assert.Equal(1, await RunJobAsync());
    }

    [Fact]
    public async Task Feedback_to_poll_respondents_repeats_the_promise_and_how_it_stands()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        await SetPromiseAsync(scenario);
        using var manager = await scenario.UserAsync(PollScenario.ManagerEmail);
        scenario.Open();
        using var ann = await scenario.UserAsync("ann@residents.example");
        await ann.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(notifyEmail: "ann@mail.example"), Cancel);
        scenario.PassDeadline();
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AdvancePollsJob>().RunAsync(Cancel);
        }

        await manager.PostAsJsonAsync(scenario.Url("/managers-response"), new { response = "Thursdays until 8pm." }, Cancel);
        await using var db = Fixture.CreateDbContext();
        var mail = await db.OutboxEmails.SingleAsync(e => e.To == "ann@mail.example", Cancel);
        Assert.Contains("We will answer every point within a month.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Publish the managers' response", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Consult", mail.TextBody, StringComparison.Ordinal);
    }

    private static string Url(PollScenario scenario) => $"/api/processes/{scenario.ProcessId}/promise";

    private static async Task<List<Guid>> SetPromiseAsync(PollScenario scenario)
    {
        var response = await scenario.Officer.PutAsJsonAsync(Url(scenario), new
        {
            level = "Consult",
            text = "We will answer every point within a month.",
            items = new[]
            {
                new { text = "Publish the managers' response", dueAt = AnswerBy },
                new { text = "Fund the longer opening hours", dueAt = FundBy },
            },
        }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("itemIds").EnumerateArray().Select(i => i.GetGuid()).ToList();
    }

    private async Task<int> RunJobAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RemindPromisedDatesJob>().RunAsync(Cancel);
    }
}
