using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>Turnout counts people across a process's budgets, whichever key each of their registry rows has.</summary>
public sealed class TurnoutTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Account_voter_who_later_proves_a_roll_entry_and_votes_in_another_budget_counts_once()
    {
        var (scenario, riverside) = await CityAndRiversideAsync();
        var roll = await scenario.RollAsync("R-1,1980-01-01,CF10 1AA,Riverside\n");
        scenario.OpenVoting();
        using var ada = await scenario.ResidentAsync("ada");
        using var ben = await scenario.ResidentAsync("ben");
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, ada, scenario.ProcessId, "Trees")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, ben, scenario.ProcessId, "Trees")).StatusCode);
        var verified = await ada.PostAsJsonAsync("/api/rolls/verifications",
            new { rollId = roll, reference = "R-1", dateOfBirth = "1980-01-01", postcode = "CF10 1AA" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, ada, riverside, "Bridge")).StatusCode);

        await using (var db = Fixture.CreateDbContext())
        {
            // Two keys for Ada: her account's in the city-wide budget, her roll entry's in Riverside's.
            Assert.Equal(3, await db.VoterRecords.Select(v => v.VoterKey).Distinct().CountAsync(Cancel));
        }

        Assert.Equal(2, await VotersAsync(scenario));

        // She changes her city-wide ballot: it replaces the one cast under her account, and she is still one person.
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, ada, scenario.ProcessId, "Trees")).StatusCode);
        Assert.Equal(2, await VotersAsync(scenario));
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(2, await db.BudgetBallots.CountAsync(b => b.BudgetId == scenario.ProcessId, Cancel));
        }
    }

    [Fact]
    public async Task An_account_proved_against_a_roll_entry_nobody_voted_with_still_counts_on_its_own()
    {
        var (scenario, riverside) = await CityAndRiversideAsync();
        var roll = await scenario.RollAsync("R-1,1980-01-01,CF10 1AA,Riverside\nR-2,1981-02-02,CF10 1AB,Riverside\n");
        scenario.OpenVoting();
        using var ada = await scenario.ResidentAsync("ada");
        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, ada, scenario.ProcessId, "Trees")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ada.PostAsJsonAsync("/api/rolls/verifications",
            new { rollId = roll, reference = "R-1", dateOfBirth = "1980-01-01", postcode = "CF10 1AA" }, Cancel)).StatusCode);
        using var ben = await PaperSteps.VerifiedResidentAsync(scenario, roll, "ben", "R-2", "1981-02-02", "CF10 1AB");

        Assert.Equal(HttpStatusCode.OK, (await VoteAsync(scenario, ben, riverside, "Bridge")).StatusCode);

        Assert.Equal(2, await VotersAsync(scenario));
    }

    private async Task<int> VotersAsync(BudgetScenario scenario) =>
        (await Fixture.CreateClient().GetFromJsonAsync<JsonElement>(scenario.Url("tally"), Cancel)).GetProperty("voters").GetInt32();

    private async Task<(BudgetScenario Scenario, Guid Riverside)> CityAndRiversideAsync()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        var budgets = new object[]
        {
            new { id = scenario.ProcessId, name = "City-wide", amount = 100m },
            new { name = "Riverside fund", amount = 50m, district = "Riverside" },
        };
        var set = await scenario.Officer.PutAsJsonAsync(scenario.Url("budgets"), new { budgets }, Cancel);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var riverside = (await set.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("budgets").EnumerateArray()
            .Single(b => b.GetProperty("district").GetString() == "Riverside").GetProperty("id").GetGuid();
        using var proposer = await scenario.ResidentAsync("proposer");
        foreach (var (title, cost, district) in new[] { ("Trees", 60m, (string?)null), ("Bridge", 40m, "Riverside") })
        {
            var submitted = await proposer.PostAsJsonAsync(scenario.Url("proposals"), new { title, estimatedCost = cost, district }, Cancel);
            var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{id}/review"), new { feasible = true }, Cancel)).StatusCode);
            scenario.Projects[title] = id;
        }

        return (scenario, riverside);
    }

    private static Task<HttpResponseMessage> VoteAsync(BudgetScenario scenario, HttpClient voter, Guid budgetId, params string[] titles) =>
        voter.PostAsJsonAsync(scenario.Url("ballots"), new { budgetId, choices = titles.Select(t => new { projectId = scenario.Projects[t] }).ToArray() }, Cancel);
}
