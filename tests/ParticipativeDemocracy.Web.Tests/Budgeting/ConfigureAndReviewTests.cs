using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class ConfigureAndReviewTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Every_configuration_change_is_versioned_and_audited_with_before_and_after()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        var changed = await scenario.Officer.PutAsJsonAsync(scenario.Url("budget"), BudgetScenario.Rules(amount: 250m), Cancel);
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("configurationVersion").GetInt32());

        await using var db = Fixture.CreateDbContext();
        var entries = await db.AuditEntries.Where(a => a.Action == "ConfigureBudget").OrderBy(a => a.Sequence).ToListAsync(Cancel);
        Assert.Equal(2, entries.Count);
        Assert.Null(entries[0].Before);
        Assert.Equal("officer@budget.example", entries[1].ActorName);
        using var before = JsonDocument.Parse(entries[1].Before!);
        using var after = JsonDocument.Parse(entries[1].After!);
        Assert.Equal((1, 100m), (before.RootElement.GetProperty("configurationVersion").GetInt32(), before.RootElement.GetProperty("amount").GetDecimal()));
        Assert.Equal((2, 250m), (after.RootElement.GetProperty("configurationVersion").GetInt32(), after.RootElement.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task Invalid_rules_are_refused_naming_each_field()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        var response = await scenario.Officer.PutAsJsonAsync(scenario.Url("budget"), new
        {
            amount = -5, currency = "pounds", ballotKind = "Cumulative", minProjects = 3, maxProjects = 2, mustFitBudget = false,
            minSpendShare = 0.5, countingRule = "Greedy", completion = "Add1", tieBreak = "ProjectId", seed = 1,
            tallyVisibility = "Public", votingOpensAt = BudgetScenario.VotingClosesAt, votingClosesAt = BudgetScenario.VotingOpensAt,
        }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        foreach (var field in new[] { "amount", "currency", "maxProjects", "minSpendShare", "pointsToDistribute", "completion", "votingClosesAt" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Rules_and_projects_lock_when_voting_opens()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var resident = await scenario.ResidentAsync("ada");
        var projectId = await scenario.AddProjectAsync(resident, "Benches", 20);
        scenario.OpenVoting();

        var reconfigure = await scenario.Officer.PutAsJsonAsync(scenario.Url("budget"), BudgetScenario.Rules(amount: 500), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, reconfigure.StatusCode);
        var problem = await reconfigure.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("locked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var review = await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{projectId}/review"), new { feasible = false, reason = "late" }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, review.StatusCode);
        var propose = await resident.PostAsJsonAsync(scenario.Url("proposals"), new { title = "Late idea", estimatedCost = 5 }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, propose.StatusCode);
    }

    [Fact]
    public async Task Infeasible_needs_a_reason_and_keeps_the_proposal_off_the_ballot()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var resident = await scenario.ResidentAsync("ben");
        var submitted = await resident.PostAsJsonAsync(scenario.Url("proposals"), new { title = "Moon base", estimatedCost = 90 }, Cancel);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var noReason = await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{id}/review"), new { feasible = false }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("reason", out _));

        var withReason = await scenario.Officer.PostAsJsonAsync(scenario.Url($"proposals/{id}/review"),
            new { feasible = false, reason = "The council does not own land on the moon." }, Cancel);
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);

        var projects = await resident.GetFromJsonAsync<JsonElement>(scenario.Url("projects"), Cancel);
        var only = Assert.Single(projects.EnumerateArray());
        Assert.Equal("Infeasible", only.GetProperty("status").GetString());
        Assert.Equal("The council does not own land on the moon.", only.GetProperty("reviewReason").GetString());
    }

    [Fact]
    public async Task Residents_cannot_configure_or_review()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        using var resident = await scenario.ResidentAsync("cai");
        var configure = await resident.PutAsJsonAsync(scenario.Url("budget"), BudgetScenario.Rules(), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, configure.StatusCode);
    }
}
