using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Polls;

public sealed class AnswerPollTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Officer_configures_a_poll_anyone_reads_it_and_bad_settings_are_named()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        using var anonymous = Fixture.CreateClient();
        var poll = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url(), Cancel);
        Assert.Equal("Central Library", poll.GetProperty("serviceName").GetString());
        Assert.Equal("Upcoming", poll.GetProperty("stage").GetString());
        Assert.Equal(5, poll.GetProperty("questions").GetArrayLength());
        Assert.Equal("Ranking", poll.GetProperty("questions")[2].GetProperty("kind").GetString());

        var bad = await scenario.Officer.PutAsJsonAsync(scenario.Url(), new
        {
            serviceName = "", audience = "Everyone", opensAt = PollScenario.OpensAt, closesAt = PollScenario.OpensAt, minGroupSize = 1,
            managerEmails = Array.Empty<string>(),
            questions = new object[] { new { kind = "SingleChoice", text = "Only one option?", options = new[] { "Yes" } } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        foreach (var field in new[] { "serviceName", "closesAt", "minGroupSize", "managerEmails", "questions[0].options" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        using var resident = await scenario.UserAsync("someone@residents.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PutAsJsonAsync(scenario.Url(), PollScenario.Settings(), Cancel)).StatusCode);

        scenario.Open();
        var locked = await scenario.Officer.PutAsJsonAsync(scenario.Url(), PollScenario.Settings(), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        await using var db = Fixture.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ConfigurePoll", Cancel));
    }

    [Fact]
    public async Task A_respondent_answers_once_and_the_sheet_holds_no_identity()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        using var resident = await scenario.UserAsync("ann@residents.example");
        var early = await resident.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        scenario.Open();
        var first = await resident.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(notifyEmail: "ann@residents.example"), Cancel);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await resident.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(visit: 2), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);

        await using var db = Fixture.CreateDbContext();
        var sheet = await db.PollAnswerSheets.SingleAsync(Cancel);
        Assert.Equal(5, sheet.Answers.Count);
        Assert.Equal(4, sheet.Answers.Single(a => a.Question == 4).Rating);
        Assert.Equal(4, sheet.Id.Version);
        var registry = await db.PollRespondents.SingleAsync(Cancel);
        var user = await db.Users.SingleAsync(u => u.Email == "ann@residents.example", Cancel);
        Assert.DoesNotContain(user.Id.ToString("N"), registry.RespondentKey, StringComparison.Ordinal);
        Assert.Equal("ann@residents.example", registry.NotifyEmail);
    }

    [Fact]
    public async Task Malformed_answers_are_refused_naming_the_answer_and_nothing_is_written()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        scenario.Open();
        using var resident = await scenario.UserAsync("bob@residents.example");
        var response = await resident.PostAsJsonAsync(scenario.Url("/responses"), new
        {
            answers = new object[]
            {
                new { question = 1, choices = new[] { 0, 1 } },
                new { question = 3, choices = new[] { 1, 1 } },
                new { question = 4, rating = 6 },
                new { question = 9, text = "no such question" },
            },
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal(4, errors.EnumerateObject().Count());
        Assert.Contains("1 to 5", errors.GetProperty("answers[2]")[0].GetString(), StringComparison.Ordinal);

        using var anonymous = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel)).StatusCode);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.PollAnswerSheets.CountAsync(Cancel));
        Assert.Equal(0, await db.PollRespondents.CountAsync(Cancel));
    }

    [Fact]
    public async Task Code_holders_answer_with_the_pass_from_their_letter_once_per_code()
    {
        // The pass is a time-limited data-protection payload, checked against the real clock: run this poll now.
        var realNow = DateTimeOffset.UtcNow;
        var scenario = await PollScenario.CreateAsync(Fixture, PollScenario.Settings(audience: "CodeHolders", closesAt: realNow.AddDays(30)));
        var codes = await scenario.Officer.PostAsJsonAsync($"/api/processes/{scenario.ProcessId}/codes", new { count = 1 }, Cancel);
        var code = (await codes.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("codes")[0].GetString()!;
        Fixture.Clock.SetUtcNow(realNow);
        using var anonymous = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel)).StatusCode);

        var redeemed = await anonymous.PostAsJsonAsync("/api/codes/redemptions", new { code }, Cancel);
        Assert.True(redeemed.IsSuccessStatusCode, await redeemed.Content.ReadAsStringAsync(Cancel));
        var pass = (await redeemed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("pass").GetString();
        var answered = await anonymous.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(pass: pass), Cancel);
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync(Cancel));
        var again = await anonymous.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(pass: pass), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_roll_poll_takes_only_people_verified_against_the_roll()
    {
        var scenario = await PollScenario.CreateAsync(Fixture, PollScenario.Settings(audience: "Roll"));
        scenario.Open();
        using var resident = await scenario.UserAsync("carol@residents.example");
        var refused = await resident.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("roll", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_answers_from_one_account_leave_exactly_one_sheet()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        scenario.Open();
        using var resident = await scenario.UserAsync("dan@residents.example");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => resident.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.PollAnswerSheets.CountAsync(Cancel));
    }
}
