using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>
/// The app holds a process's ballot facts while voting is open; a change made anywhere else (another
/// instance, an officer, a script) must still decide the very next ballot, and a ballot checked against
/// stale facts must leave nothing behind.
/// </summary>
public sealed class BallotFactsTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task A_project_taken_off_the_ballot_behind_the_apps_back_is_refused_at_the_next_ballot()
    {
        var (scenario, anonymous, passes) = await WarmAsync();
        await using (var db = Fixture.CreateDbContext())
        {
            await db.BudgetProjects.Where(p => p.Id == scenario.Projects["Library"])
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, ProposalStatus.Infeasible), Cancel);
        }

        var refused = await scenario.VoteWithPassAsync(anonymous, passes[1], "Library");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("choices", out _), problem.ToString());
        Assert.Equal(1, await BallotsAsync(scenario));
        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteWithPassAsync(anonymous, passes[1], "Trees")).StatusCode);
        Assert.Equal(2, await BallotsAsync(scenario));
    }

    [Fact]
    public async Task Eligibility_rules_changed_during_voting_decide_the_next_ballot()
    {
        var (scenario, anonymous, _) = await WarmAsync();
        var south = await BudgetScenario.PassAsync(anonymous, (await scenario.CodesAsync(1, district: "South"))[0]);
        await using (var db = Fixture.CreateDbContext())
        {
            db.ProcessEligibility.Add(new Web.Data.Entities.ProcessEligibility { ProcessId = scenario.ProcessId, Districts = ["North"] });
            await db.SaveChangesAsync(Cancel);
        }

        var refused = await scenario.VoteWithPassAsync(anonymous, south, "Trees");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, await BallotsAsync(scenario));
    }

    /// <summary>An open budget whose facts the app holds: one ballot has been cast with a pass.</summary>
    private async Task<(BudgetScenario Scenario, HttpClient Anonymous, List<string> Passes)> WarmAsync()
    {
        var scenario = await BudgetScenario.OpenAsync(Fixture, ("Library", 50), ("Trees", 40));
        var anonymous = Fixture.CreateClient();
        var passes = new List<string>();
        foreach (var code in await scenario.CodesAsync(2))
        {
            passes.Add(await BudgetScenario.PassAsync(anonymous, code));
        }

        Assert.Equal(HttpStatusCode.OK, (await scenario.VoteWithPassAsync(anonymous, passes[0], "Trees")).StatusCode);
        return (scenario, anonymous, passes);
    }

    private async Task<int> BallotsAsync(BudgetScenario scenario)
    {
        await using var db = Fixture.CreateDbContext();
        return await db.BudgetBallots.CountAsync(b => b.ProcessId == scenario.ProcessId, Cancel);
    }
}
