using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>A process with a city-wide budget and district budgets: one ballot, registry and count per budget.</summary>
public sealed class DistrictBudgetTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task District_resident_votes_in_both_budgets_another_district_is_refused_and_the_close_counts_each()
    {
        var (scenario, riverside) = await CityAndRiversideAsync();
        var city = scenario.ProcessId;
        scenario.OpenVoting();
        using var anonymous = Fixture.CreateClient();
        var riversidePass = await BudgetScenario.PassAsync(anonymous, (await scenario.CodesAsync(1, "Riverside"))[0]);
        var elyPass = await BudgetScenario.PassAsync(anonymous, (await scenario.CodesAsync(1, "Ely"))[0]);

        var cityBallot = await VoteAsync(scenario, anonymous, riversidePass, city, "Trees");
        var districtBallot = await VoteAsync(scenario, anonymous, riversidePass, riverside, "Bridge");
        Assert.Equal(HttpStatusCode.OK, cityBallot.StatusCode);
        Assert.Equal(HttpStatusCode.OK, districtBallot.StatusCode);
        var receipts = new List<string?>();
        foreach (var ballot in new[] { cityBallot, districtBallot })
        {
            receipts.Add((await ballot.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("receiptCode").GetString());
        }

        Assert.NotEqual(receipts[0], receipts[1]);
        var mixed = await VoteAsync(scenario, anonymous, riversidePass, riverside, "Bridge", "Trees");
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);

        var refused = await VoteAsync(scenario, anonymous, elyPass, riverside, "Bridge");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("OtherDistrict", problem.GetProperty("reasons")[0].GetString());
        Assert.Equal("You cannot vote in the Riverside fund budget: it is for residents of Riverside, and the voter roll places you in Ely.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, anonymous, elyPass, city, "Pool")).StatusCode);

        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(2, await db.VoterRecords.CountAsync(v => v.BudgetId == city, Cancel));
            Assert.Equal(1, await db.VoterRecords.CountAsync(v => v.BudgetId == riverside, Cancel));
            Assert.Equal(1, await db.BudgetBallots.CountAsync(b => b.BudgetId == riverside, Cancel));
        }

        var tally = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url("tally"), Cancel);
        Assert.Equal(3, tally.GetProperty("ballots").GetInt32());
        Assert.Equal(2, tally.GetProperty("voters").GetInt32());
        Assert.Equal([2, 1], tally.GetProperty("budgets").EnumerateArray().Select(b => b.GetProperty("ballots").GetInt32()));

        scenario.PassDeadline();
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CloseDueBudgetsJob>().RunAsync(Cancel));
        }

        var cityResults = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url("results"), Cancel);
        Assert.Equal(2, cityResults.GetProperty("ballots").GetInt32());
        Assert.Equal(100m, cityResults.GetProperty("budget").GetDecimal());
        Assert.Equal(["Trees", "Pool"], cityResults.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        var districtResults = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url($"results?budgetId={riverside}"), Cancel);
        Assert.Equal(1, districtResults.GetProperty("ballots").GetInt32());
        Assert.Equal(50m, districtResults.GetProperty("budget").GetDecimal());
        Assert.Equal("Riverside", districtResults.GetProperty("district").GetString());
        Assert.Equal("Bridge", districtResults.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("selectedAs").ValueKind == JsonValueKind.Number).GetProperty("title").GetString());

        var file = await anonymous.GetStringAsync(scenario.Url($"ballots.pb?budgetId={riverside}"), Cancel);
        Assert.Contains("district;Riverside", file, StringComparison.Ordinal);
        Assert.Contains(receipts[1]!, file, StringComparison.Ordinal);
        Assert.DoesNotContain(receipts[0]!, file, StringComparison.Ordinal);
        Assert.Equal(districtResults.GetProperty("inputsHash").GetString(), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file))));
        var cityFile = await anonymous.GetStringAsync(scenario.Url("ballots.pb"), Cancel);
        Assert.DoesNotContain("district;", cityFile, StringComparison.Ordinal);
        Assert.Equal(cityResults.GetProperty("inputsHash").GetString(), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cityFile))));

        var page = await anonymous.GetStringAsync("/processes/riverside-budget/results", Cancel);
        Assert.Contains("Riverside fund", page, StringComparison.Ordinal);
        Assert.Contains("Voters: 2, across 2 budgets.", page, StringComparison.Ordinal);
        Assert.Contains($"ballots.pb?budgetId={riverside}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turnout_counts_people_not_ballots_on_the_page_and_in_signalr_pushes()
    {
        var (scenario, riverside) = await CityAndRiversideAsync();
        scenario.OpenVoting();
        using var anonymous = Fixture.CreateClient();
        var riversidePass = await BudgetScenario.PassAsync(anonymous, (await scenario.CodesAsync(1, "Riverside"))[0]);
        var elyPass = await BudgetScenario.PassAsync(anonymous, (await scenario.CodesAsync(1, "Ely"))[0]);
        await using var hub = await HubClient.ConnectAsync(Fixture, Cancel);
        var threeBallots = new TaskCompletionSource<TallyView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<TallyView>(nameof(IProcessClient.TallyChanged), tally =>
        {
            if (tally.Ballots == 3)
            {
                threeBallots.TrySetResult(tally);
            }
        });
        await hub.InvokeAsync(nameof(ProcessHub.WatchProcess), scenario.ProcessId, Cancel);

        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, anonymous, riversidePass, scenario.ProcessId, "Trees")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, anonymous, riversidePass, riverside, "Bridge")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, anonymous, elyPass, scenario.ProcessId, "Pool")).StatusCode);

        var pushed = await threeBallots.Task.WaitAsync(TimeSpan.FromSeconds(20), Cancel);
        Assert.Equal(2, pushed.Voters);
        var page = await anonymous.GetStringAsync("/processes/riverside-budget", Cancel);
        Assert.Contains("Voters so far: 2.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Voters so far: 3", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budgets_are_locked_once_voting_opens_and_each_change_is_audited()
    {
        var (scenario, riverside) = await CityAndRiversideAsync();
        var projects = await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("budget"), Cancel);
        var placed = projects.GetProperty("proposals").EnumerateArray().ToDictionary(p => p.GetProperty("title").GetString()!, p => p.GetProperty("budgetId").GetGuid());
        Assert.Equal(riverside, placed["Bridge"]);
        Assert.Equal(scenario.ProcessId, placed["Pool"]);

        var twoCityWide = await scenario.Officer.PutAsJsonAsync(scenario.Url("budgets"), new
        {
            budgets = new object[] { new { name = "A", amount = 1m }, new { name = "B", amount = 1m } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, twoCityWide.StatusCode);
        var withoutCity = await scenario.Officer.PutAsJsonAsync(scenario.Url("budgets"), new
        {
            budgets = new object[] { new { id = riverside, name = "Riverside fund", amount = 50m, district = "Riverside" } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, withoutCity.StatusCode);
        Assert.Contains("P01", (await withoutCity.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("budgets")[0].GetString(), StringComparison.Ordinal);

        scenario.OpenVoting();
        var locked = await scenario.Officer.PutAsJsonAsync(scenario.Url("budgets"), new
        {
            budgets = new object[] { new { name = "City-wide", amount = 200m } },
        }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("locked", (await locked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await using var db = Fixture.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "SetBudgets", Cancel);
        Assert.Contains("Riverside fund", audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverside fund", audit.Before, StringComparison.Ordinal);
        Assert.Equal(150m, (await db.BudgetSettings.SingleAsync(Cancel)).Amount);
    }

    [Fact]
    public async Task Voter_whose_district_is_unknown_votes_in_one_district_budget_only()
    {
        var (scenario, riverside) = await CityAndRiversideAsync(extraDistrict: "Ely");
        var ely = (await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("budgets"), Cancel))
            .EnumerateArray().Single(b => b.GetProperty("district").GetString() == "Ely").GetProperty("id").GetGuid();
        scenario.OpenVoting();
        using var ada = await scenario.ResidentAsync("ada");

        var ballotPage = await ada.GetStringAsync("/processes/riverside-budget/ballot", Cancel);
        Assert.Contains("Riverside fund", ballotPage, StringComparison.Ordinal);
        Assert.Contains("Ely fund", ballotPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Vote(scenario, ada, riverside, "Bridge")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Vote(scenario, ada, riverside, "Bridge")).StatusCode);
        var second = await Vote(scenario, ada, ely, "Castle");
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal("OneDistrictOnly", (await second.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("reasons")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await Vote(scenario, ada, scenario.ProcessId, "Trees")).StatusCode);
    }

    [Fact]
    public async Task Officer_adds_a_district_budget_on_the_admin_page_and_a_bad_amount_is_named()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        var url = $"/admin/processes/{scenario.ProcessId}/budgets";
        Assert.Contains("Riverside budget", await scenario.Officer.GetStringAsync(url, Cancel), StringComparison.Ordinal);

        var bad = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "budgets", new Dictionary<string, string>
        {
            ["id-0"] = scenario.ProcessId.ToString(), ["name-0"] = "City-wide", ["amount-0"] = "100",
            ["name-1"] = "Riverside fund", ["amount-1"] = "-5", ["district-1"] = "Riverside",
        });
        Assert.Contains("<a href=\"#amount-1\">", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var saved = await BrowserSession.SubmitFormAsync(scenario.Officer, url, "budgets", new Dictionary<string, string>
        {
            ["id-0"] = scenario.ProcessId.ToString(), ["name-0"] = "City-wide", ["amount-0"] = "100",
            ["name-1"] = "Riverside fund", ["amount-1"] = "50", ["district-1"] = "Riverside",
        });
        Assert.Contains("data-testid=\"saved\"", await saved.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var budgets = await scenario.Officer.GetFromJsonAsync<JsonElement>(scenario.Url("budgets"), Cancel);
        Assert.Equal(["City-wide", "Riverside fund"], budgets.EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.Equal(scenario.ProcessId, budgets[0].GetProperty("id").GetGuid());
    }

    /// <summary>The scenario's budget becomes "City-wide" (100) beside "Riverside fund" (50); Trees and Pool (Ely) are city-wide, Bridge is Riverside's.</summary>
    private async Task<(BudgetScenario Scenario, Guid Riverside)> CityAndRiversideAsync(string? extraDistrict = null)
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        var budgets = new List<object>
        {
            new { id = scenario.ProcessId, name = "City-wide", amount = 100m },
            new { name = "Riverside fund", amount = 50m, district = "Riverside" },
        };
        if (extraDistrict is not null)
        {
            budgets.Add(new { name = $"{extraDistrict} fund", amount = 50m, district = extraDistrict });
        }

        var set = await scenario.Officer.PutAsJsonAsync(scenario.Url("budgets"), new { budgets }, Cancel);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var riverside = (await set.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("budgets").EnumerateArray()
            .Single(b => b.GetProperty("district").GetString() == "Riverside").GetProperty("id").GetGuid();
        using var proposer = await scenario.ResidentAsync("proposer");
        await ProposeAsync(scenario, proposer, "Trees", 60m, null);
        await ProposeAsync(scenario, proposer, "Bridge", 40m, "riverside");
        await ProposeAsync(scenario, proposer, "Pool", 30m, "Ely");
        if (extraDistrict is not null)
        {
            await ProposeAsync(scenario, proposer, "Castle", 20m, extraDistrict);
        }

        return (scenario, riverside);
    }

    private static async Task ProposeAsync(BudgetScenario scenario, HttpClient proposer, string title, decimal cost, string? district)
    {
        var submitted = await proposer.PostAsJsonAsync(scenario.Url("proposals"), new { title, estimatedCost = cost, district }, Cancel);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{id}/review"), new { feasible = true }, Cancel)).StatusCode);
        scenario.Projects[title] = id;
    }

    private static Task<HttpResponseMessage> Vote(BudgetScenario scenario, HttpClient voter, Guid budgetId, params string[] titles) =>
        voter.PostAsJsonAsync(scenario.Url("ballots"), new { budgetId, choices = titles.Select(t => new { projectId = scenario.Projects[t] }).ToArray() }, Cancel);

    private static async Task<HttpResponseMessage> VoteAsync(BudgetScenario scenario, HttpClient anonymous, string pass, Guid budgetId, params string[] titles)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, scenario.Url("ballots"))
        {
            Content = JsonContent.Create(new { budgetId, choices = titles.Select(t => new { projectId = scenario.Projects[t] }).ToArray() }),
        };
        request.Headers.Add("Voting-Pass", pass);
        return await anonymous.SendAsync(request, Cancel);
    }
}
