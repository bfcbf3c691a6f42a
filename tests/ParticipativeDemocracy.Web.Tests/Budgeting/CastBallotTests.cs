using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class CastBallotTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Ballot_over_budget_is_a_400_naming_the_rule_and_stores_nothing()
    {
        var (scenario, voter) = await OpenBudgetAsync();
        var response = await scenario.VoteAsync(voter, "Playground", "Library");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal("Your choices cost £110, more than the £100 budget.", errors.GetProperty("choices")[0].GetString());
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.BudgetBallots.CountAsync(Cancel));
        Assert.Equal(0, await db.VoterRecords.CountAsync(Cancel));
    }

    [Fact]
    public async Task Valid_ballot_gets_a_receipt_and_can_be_replaced_until_the_close()
    {
        var (scenario, voter) = await OpenBudgetAsync();
        var first = await (await scenario.VoteAsync(voter, "Playground")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Matches("^[A-Z2-9]{12}$", first.GetProperty("receiptCode").GetString());
        Assert.False(first.GetProperty("replaced").GetBoolean());

        var second = await (await scenario.VoteAsync(voter, "Library", "Trees")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(second.GetProperty("replaced").GetBoolean());

        await using var db = Fixture.CreateDbContext();
        var ballot = await db.BudgetBallots.SingleAsync(Cancel);
        Assert.Equal(second.GetProperty("receiptCode").GetString(), ballot.ReceiptCode);
        Assert.Equal([scenario.Projects["Library"], scenario.Projects["Trees"]], ballot.Choices.Select(c => c.ProjectId));
        Assert.Equal(1, await db.VoterRecords.CountAsync(Cancel));
    }

    [Fact]
    public async Task Ballot_row_carries_no_voter_identity()
    {
        var (scenario, voter) = await OpenBudgetAsync();
        await scenario.VoteAsync(voter, "Trees");
        await using var db = Fixture.CreateDbContext();
        var userId = (await db.Users.SingleAsync(u => u.Email == "voter@residents.example", Cancel)).Id;
        var row = await db.Database.SqlQuery<string>($"SELECT row_to_json(b)::text AS \"Value\" FROM app.\"BudgetBallots\" b").SingleAsync(Cancel);
        Assert.DoesNotContain(userId.ToString(), row, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(userId.ToString("N"), row, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_thousand_parallel_ballots_from_one_voter_count_once()
    {
        var (scenario, voter) = await OpenBudgetAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => scenario.VoteAsync(voter, i % 2 == 0 ? "Trees" : "Library")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.BudgetBallots.CountAsync(Cancel));
        Assert.Equal(1, await db.VoterRecords.CountAsync(Cancel));
    }

    [Fact]
    public async Task Ballots_are_refused_before_opening_and_after_closing()
    {
        var (scenario, voter) = await OpenBudgetAsync();
        Fixture.Clock.SetUtcNow(BudgetScenario.VotingOpensAt.AddMinutes(-1));
        var early = await scenario.VoteAsync(voter, "Trees");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Voting opens", (await early.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        scenario.PassDeadline();
        var late = await scenario.VoteAsync(voter, "Trees");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Voting has closed", (await late.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_projects_and_unknown_projects_are_named()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        await scenario.Officer.PutAsJsonAsync(scenario.Url("budget"), BudgetScenario.Rules(maxProjects: 1), Cancel);
        using var voter = await scenario.ResidentAsync("voter");
        await scenario.AddProjectAsync(voter, "Trees", 10);
        await scenario.AddProjectAsync(voter, "Benches", 10);
        scenario.OpenVoting();

        var tooMany = await scenario.VoteAsync(voter, "Trees", "Benches");
        var message = (await tooMany.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("choices")[0].GetString();
        Assert.Equal("Choose at most 1 projects; you chose 2.", message);

        var unknown = await voter.PostAsJsonAsync(scenario.Url("ballots"), new { choices = new[] { new { projectId = Guid.NewGuid() } } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private async Task<(BudgetScenario Scenario, HttpClient Voter)> OpenBudgetAsync()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        var voter = await scenario.ResidentAsync("voter");
        await scenario.AddProjectAsync(voter, "Playground", 60);
        await scenario.AddProjectAsync(voter, "Library", 50);
        await scenario.AddProjectAsync(voter, "Trees", 40);
        scenario.OpenVoting();
        return (scenario, voter);
    }
}
