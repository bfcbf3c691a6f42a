using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Features.Polls;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Polls;

public sealed class PollResultsTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task The_schedule_job_opens_and_closes_each_poll_exactly_once_and_mails_the_managers()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        Assert.Equal(new AdvancePolls.Advanced(0, 0), await RunJobAsync());
        scenario.Open();
        Assert.Equal(new AdvancePolls.Advanced(1, 0), await RunJobAsync());
        Assert.Equal(new AdvancePolls.Advanced(0, 0), await RunJobAsync());
        using var resident = await scenario.UserAsync("ann@residents.example");
        Assert.Equal(HttpStatusCode.OK, (await resident.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel)).StatusCode);

        scenario.PassDeadline();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunJobAsync()));
        Assert.Equal(1, runs.Sum(r => r.Closed));
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel)).StatusCode);

        await using var db = Fixture.CreateDbContext();
        var mail = await db.OutboxEmails.SingleAsync(e => e.To == PollScenario.ManagerEmail, Cancel);
        Assert.Contains("1 answers", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/polls/{scenario.Slug}/results", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(ProcessStatus.Closed, (await db.Processes.SingleAsync(Cancel)).Status);
    }

    [Fact]
    public async Task Managers_respond_after_the_close_and_respondents_who_asked_are_told_then_forgotten()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        using var manager = await scenario.UserAsync(PollScenario.ManagerEmail);
        scenario.Open();
        using var ann = await scenario.UserAsync("ann@residents.example");
        using var bob = await scenario.UserAsync("bob@residents.example");
        await ann.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(notifyEmail: "ann@mail.example"), Cancel);
        await bob.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel);

        var tooEarly = await manager.PostAsJsonAsync(scenario.Url("/managers-response"), new { response = "We will open later." }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        scenario.PassDeadline();
        await RunJobAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PostAsJsonAsync(scenario.Url("/managers-response"), new { response = "x" }, Cancel)).StatusCode);
        var empty = await manager.PostAsJsonAsync(scenario.Url("/managers-response"), new { response = "" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var responded = await manager.PostAsJsonAsync(scenario.Url("/managers-response"),
            new { response = "From January the library opens until 8pm on Thursdays." }, Cancel);
        Assert.Equal(HttpStatusCode.OK, responded.StatusCode);
        Assert.Equal(1, (await responded.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("told").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync(scenario.Url("/managers-response"), new { response = "again" }, Cancel)).StatusCode);

        await using var db = Fixture.CreateDbContext();
        var told = await db.OutboxEmails.SingleAsync(e => e.To == "ann@mail.example", Cancel);
        Assert.Contains("until 8pm on Thursdays", told.TextBody, StringComparison.Ordinal);
        Assert.False(await db.OutboxEmails.AnyAsync(e => e.To == "bob@residents.example", Cancel));
        Assert.False(await db.PollRespondents.AnyAsync(r => r.NotifyEmail != null, Cancel));

        using var anonymous = Fixture.CreateClient();
        var poll = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url(), Cancel);
        Assert.Equal("Answered", poll.GetProperty("stage").GetString());
        var results = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url("/results"), Cancel);
        Assert.Equal(2, results.GetProperty("responses").GetInt32());
    }

    [Fact]
    public async Task Results_are_private_until_answered_unless_live_and_count_every_kind_of_question()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        scenario.Open();
        var respondents = await scenario.RespondentsAsync(null, null, null);
        await respondents[0].PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(visit: 0, rating: 5), Cancel);
        await respondents[1].PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(visit: 0, rating: 3), Cancel);
        await respondents[2].PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(visit: 2, rating: 4, text: null), Cancel);

        using var anonymous = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(scenario.Url("/results"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await respondents[0].GetAsync(scenario.Url("/results"), Cancel)).StatusCode);

        var results = await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("/results"), Cancel);
        var questions = results.GetProperty("questions");
        Assert.Equal(3, results.GetProperty("responses").GetInt32());
        Assert.Equal(2, questions[0].GetProperty("options")[0].GetProperty("count").GetInt32());
        Assert.Equal(1, questions[0].GetProperty("options")[2].GetProperty("count").GetInt32());
        Assert.Equal(3, questions[1].GetProperty("options")[2].GetProperty("count").GetInt32());
        // Ranking "Sundays" first, "Evenings" second, of three: 2 and 1 points from each of three sheets.
        Assert.Equal(6, questions[2].GetProperty("options")[1].GetProperty("points").GetInt32());
        Assert.Equal(3, questions[2].GetProperty("options")[0].GetProperty("points").GetInt32());
        Assert.Equal(4.0, questions[3].GetProperty("averageRating").GetDouble());
        Assert.Equal(2, questions[4].GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task Breakdowns_by_player_level_merge_small_groups_so_none_can_be_worked_out()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        scenario.Open();
        PlayerLevel?[] levels =
        [
            .. Enumerable.Repeat<PlayerLevel?>(PlayerLevel.Citizen, 4), .. Enumerable.Repeat<PlayerLevel?>(PlayerLevel.FrontLineWorker, 3),
            PlayerLevel.Manager,
        ];
        var respondents = await scenario.RespondentsAsync(levels);
        foreach (var respondent in respondents)
        {
            Assert.Equal(HttpStatusCode.OK, (await respondent.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel)).StatusCode);
        }

        var results = await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("/results?breakdown=playerLevel"), Cancel);
        var groups = results.GetProperty("byPlayerLevel").EnumerateArray()
            .ToDictionary(g => g.GetProperty("group").GetString()!, g => g);
        // The lone manager would show by subtraction if only they were hidden: the next smallest group joins them.
        Assert.Equal(["Citizen", "Other"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, groups["Citizen"].GetProperty("responses").GetInt32());
        Assert.Equal(4, groups["Other"].GetProperty("responses").GetInt32());
        Assert.DoesNotContain("Manager", results.GetProperty("byPlayerLevel").GetRawText(), StringComparison.Ordinal);

        var tiny = PollTally.Breakdown([], [new() { PlayerLevel = PlayerLevel.Manager }, new() { PlayerLevel = PlayerLevel.Citizen }], 3);
        var only = Assert.Single(tiny);
        Assert.True(only.Suppressed);
        Assert.Null(only.Responses);
    }

    [Fact]
    public async Task Officers_and_managers_export_counts_and_free_text_as_csv_residents_may_not()
    {
        var scenario = await PollScenario.CreateAsync(Fixture);
        scenario.Open();
        var respondents = await scenario.RespondentsAsync(null, null);
        await respondents[0].PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(text: "=HYPERLINK(\"x\")"), Cancel);
        await respondents[1].PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(text: "More seats, please"), Cancel);

        var counts = await scenario.Officer.GetStringAsync(scenario.Url("/results.csv"), Cancel);
        Assert.StartsWith("question,kind,text,option,count,points\r\n", counts, StringComparison.Ordinal);
        Assert.Contains("1,SingleChoice,How often do you visit?,Weekly,2,0", counts, StringComparison.Ordinal);
        using var manager = await scenario.UserAsync(PollScenario.ManagerEmail);
        var text = await manager.GetStringAsync(scenario.Url("/free-text.csv"), Cancel);
        Assert.Contains("5,What should change?,More seats, please", text.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await respondents[0].GetAsync(scenario.Url("/free-text.csv"), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_signalr_client_receives_coalesced_results_when_the_officer_allows_live_results()
    {
        var scenario = await PollScenario.CreateAsync(Fixture, PollScenario.Settings(liveResults: true));
        scenario.Open();
        var respondents = await scenario.RespondentsAsync(null, null, null, null, null, null);
        await using var hub = await HubClient.ConnectAsync(Fixture, Cancel);
        var pushes = new List<PollResultsView>();
        var six = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<PollResultsView>(nameof(IProcessClient.PollResultsChanged), results =>
        {
            lock (pushes)
            {
                pushes.Add(results);
            }

            if (results.Responses == 6)
            {
                six.TrySetResult();
            }
        });
        await hub.InvokeAsync(nameof(ProcessHub.WatchProcess), scenario.ProcessId, Cancel);

        await Task.WhenAll(respondents.Select(r => r.PostAsJsonAsync(scenario.Url("/responses"), PollScenario.Answers(), Cancel)));
        await six.Task.WaitAsync(TimeSpan.FromSeconds(20), Cancel);
        Assert.True(pushes.Count < 6, $"{pushes.Count} pushes for 6 answers: results are not coalesced");
        Assert.Equal(6, pushes[^1].Questions[0].Options[0].Count);

        using var anonymous = Fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(scenario.Url("/results"), Cancel)).StatusCode);
    }

    private async Task<AdvancePolls.Advanced> RunJobAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdvancePollsJob>().RunAsync(Cancel);
    }
}
