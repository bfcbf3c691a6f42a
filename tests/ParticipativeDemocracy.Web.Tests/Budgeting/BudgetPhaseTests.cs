using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

public sealed class BudgetPhaseTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private static readonly DateTimeOffset Start = PlatformFixture.Start;

    [Fact]
    public async Task Phases_open_in_order_exactly_once_and_only_unstarted_ones_move()
    {
        var scenario = await BudgetScenario.CreateAsync(Fixture);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(scenario, "Proposals", Start.AddHours(1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(scenario, "Review", Start.AddDays(3))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(scenario, "Implementation", Start.AddDays(30))).StatusCode);
        var outOfOrder = await MoveAsync(scenario, "Review", Start.AddDays(10));
        Assert.Equal(HttpStatusCode.BadRequest, outOfOrder.StatusCode);
        Assert.Contains("voting phase must start after", await outOfOrder.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        Fixture.Clock.SetUtcNow(Start.AddHours(2));
        Assert.Equal(1, await RunPhaseJobAsync());
        Assert.Equal(0, await RunPhaseJobAsync());
        Assert.Equal(BudgetPhaseKind.Proposals, await CurrentPhaseAsync());
        var started = await MoveAsync(scenario, "Proposals", Start.AddDays(1));
        Assert.Equal(HttpStatusCode.Conflict, started.StatusCode);
        Assert.Contains("has started", await started.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        Fixture.Clock.SetUtcNow(Start.AddDays(3).AddMinutes(1));
        Assert.Equal(1, await RunPhaseJobAsync());
        Assert.Equal(BudgetPhaseKind.Review, await CurrentPhaseAsync());

        scenario.OpenVoting();
        Assert.Equal(1, await RunPhaseJobAsync());
        Assert.Equal(BudgetPhaseKind.Voting, await CurrentPhaseAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(scenario, "Voting", Start.AddDays(8))).StatusCode);

        // Results wait for the count: past the deadline the phase opens only once the close job has run.
        scenario.PassDeadline();
        Assert.Equal(0, await RunPhaseJobAsync());
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CloseDueBudgetsJob>().RunAsync(Cancel);
        }

        Assert.Equal(1, await RunPhaseJobAsync());
        Assert.Equal(BudgetPhaseKind.Results, await CurrentPhaseAsync());

        await using var db = Fixture.CreateDbContext();
        var moves = await db.AuditEntries.Where(a => a.Action == "MoveBudgetPhase").OrderBy(a => a.Sequence).ToListAsync(Cancel);
        Assert.Equal(3, moves.Count);
        Assert.Contains("\"implementation\":null", moves[2].Before, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<HttpResponseMessage> MoveAsync(BudgetScenario scenario, string phase, DateTimeOffset startsAt) =>
        scenario.Officer.PutAsJsonAsync(scenario.Url($"budget/phases/{phase}"), new { startsAt }, Cancel);

    private async Task<int> RunPhaseJobAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdvanceBudgetPhasesJob>().RunAsync(Cancel);
    }

    private async Task<BudgetPhaseKind?> CurrentPhaseAsync()
    {
        await using var db = Fixture.CreateDbContext();
        return (await db.BudgetSettings.SingleAsync(Cancel)).CurrentPhase;
    }
}
