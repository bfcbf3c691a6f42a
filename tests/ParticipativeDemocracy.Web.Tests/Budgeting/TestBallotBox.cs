using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>A process open for voting, with what the batch statement needs to write ballots straight into its box.</summary>
internal sealed record TestBallotBox(BudgetScenario Scenario, Guid BudgetId, string Stamp, DateTimeOffset Now)
{
    public static async Task<TestBallotBox> OpenAsync(PlatformFixture fixture, params (string Title, decimal Cost)[] projects)
    {
        var scenario = await BudgetScenario.OpenAsync(fixture, projects);
        await using var db = fixture.CreateDbContext();
        var budgetId = await db.ProcessBudgets.Where(b => b.ProcessId == scenario.ProcessId).Select(b => b.Id).SingleAsync();
        return new TestBallotBox(scenario, budgetId, await StampAsync(db, scenario), fixture.Clock.GetUtcNow());
    }

    public static Task<string> StampAsync(AppDbContext db, BudgetScenario scenario) =>
        db.Database.SqlQuery<string>($"SELECT app.ballot_facts_stamp({scenario.ProcessId}) AS \"Value\"").SingleAsync();

    public static async Task<BallotOutcome[]> ExecuteAsync(PlatformFixture fixture, params BallotRow[] rows)
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.ConnectionString);
        return await BallotBatchStatement.ExecuteAsync(dataSource, rows);
    }

    /// <summary>A ballot for <paramref name="project"/>, in the box's budget unless <paramref name="budgetId"/> says another.</summary>
    public BallotRow Row(string voterKey, string project, Guid? budgetId = null) => new(
        Guid.CreateVersion7(), Scenario.ProcessId, budgetId ?? BudgetId, voterKey, VoteChannel.Online, Guid.NewGuid().ToString("N")[..12],
        JsonSerializer.Serialize(new[] { new BallotChoice(Scenario.Projects[project], 1) }), "r:" + voterKey, "", "", Now, Stamp);
}
