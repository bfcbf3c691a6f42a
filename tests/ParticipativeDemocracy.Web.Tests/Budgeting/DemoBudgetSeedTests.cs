using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Seeding;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>The demo shows residents talking about the running budget and last year's funded projects being built.</summary>
public sealed class DemoBudgetSeedTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task The_demo_seed_adds_comments_and_a_past_budget_with_implementation_updates_once()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = Fixture.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoCouncilSeeder>().SeedAsync(Cancel);
        }

        await using (var db = Fixture.CreateDbContext())
        {
            var running = await db.Processes.SingleAsync(p => p.Slug == "riverside-budget-2027", Cancel);
            Assert.Equal(5, await db.BudgetComments.CountAsync(c => c.ProcessId == running.Id, Cancel));
            Assert.Equal(2, await db.BudgetComments.CountAsync(c => c.ProcessId == running.Id && c.ParentId != null, Cancel));
            var past = await db.Processes.SingleAsync(p => p.Slug == DemoBudgetActivity.PastBudgetSlug, Cancel);
            var outcome = await db.BudgetOutcomes.SingleAsync(o => o.ProcessId == past.Id, Cancel);
            Assert.NotEmpty(outcome.SelectedCodes);
            Assert.Equal(120, outcome.BallotCount);
            Assert.Equal(2 * outcome.SelectedCodes.Count, await db.ProjectUpdates.CountAsync(u => u.ProcessId == past.Id, Cancel));
        }

        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            // Neither job touches last year's budget: it is counted and in its implementation phase.
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CloseDueBudgetsJob>().RunAsync(Cancel));
        }

        using var anonymous = Fixture.CreateClient();
        Assert.Contains("My two walk to school this way", await anonymous.GetStringAsync("/processes/riverside-budget-2027/projects/P01", Cancel),
            StringComparison.Ordinal);
        await using var read = Fixture.CreateDbContext();
        var pastId = await read.Processes.Where(p => p.Slug == DemoBudgetActivity.PastBudgetSlug).Select(p => p.Id).SingleAsync(Cancel);
        var funded = (await read.BudgetOutcomes.SingleAsync(o => o.ProcessId == pastId, Cancel)).SelectedCodes[0];
        var project = await anonymous.GetStringAsync($"/processes/{DemoBudgetActivity.PastBudgetSlug}/projects/{funded}", Cancel);
        Assert.Contains("You said, we did", project, StringComparison.Ordinal);
        Assert.Contains("Suppliers asked for quotes", project, StringComparison.Ordinal);
        Assert.Contains(funded, await anonymous.GetStringAsync($"/processes/{DemoBudgetActivity.PastBudgetSlug}/results", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_budget_has_a_riverside_fund_beside_the_city_wide_one_and_its_turnout_counts_people()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = Fixture.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoCouncilSeeder>().SeedAsync(Cancel);
        }

        await using var db = Fixture.CreateDbContext();
        var running = await db.Processes.SingleAsync(p => p.Slug == "riverside-budget-2027", Cancel);
        var budgets = await db.ProcessBudgets.Where(b => b.ProcessId == running.Id).OrderBy(b => b.Position).ToListAsync(Cancel);
        Assert.Equal([null, "Riverside"], budgets.Select(b => b.District));
        Assert.Equal(running.Id, budgets[0].Id);
        var fund = budgets[1].Id;
        var fundProjects = await db.BudgetProjects.Where(p => p.BudgetId == fund).ToDictionaryAsync(p => p.Id, Cancel);
        Assert.Equal(5, fundProjects.Count);
        Assert.All(fundProjects.Values, p => Assert.Equal("Riverside", p.District));
        Assert.Equal(7, await db.BudgetProjects.CountAsync(p => p.BudgetId == running.Id, Cancel));

        var cityBallots = await db.BudgetBallots.CountAsync(b => b.BudgetId == running.Id, Cancel);
        var fundBallots = await db.BudgetBallots.CountAsync(b => b.BudgetId == fund, Cancel);
        Assert.Equal(240, cityBallots);
        Assert.InRange(fundBallots, 50, 110);
        // Every ballot has its registry row; the fund-only voters are the 25 people not among the city-wide 240.
        Assert.Equal(cityBallots + fundBallots, await db.VoterRecords.CountAsync(v => v.ProcessId == running.Id, Cancel));
        Assert.Equal(265, await db.VoterRecords.Where(v => v.ProcessId == running.Id).Select(v => v.VoterKey).Distinct().CountAsync(Cancel));
        var overspent = (await db.BudgetBallots.Where(b => b.BudgetId == fund).ToListAsync(Cancel))
            .Where(b => b.Choices.Sum(c => fundProjects[c.ProjectId].EstimatedCost) > 80_000m);
        Assert.Empty(overspent);

        using var anonymous = Fixture.CreateClient();
        var tally = await anonymous.GetFromJsonAsync<JsonElement>($"/api/processes/{running.Id}/tally", Cancel);
        Assert.Equal(265, tally.GetProperty("voters").GetInt32());
        Assert.Equal(cityBallots + fundBallots, tally.GetProperty("ballots").GetInt32());
        Assert.Contains("Voters so far: 265.", await anonymous.GetStringAsync("/processes/riverside-budget-2027", Cancel), StringComparison.Ordinal);
    }
}
