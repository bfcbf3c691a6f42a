using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>
/// Ballots and registry rows have no foreign keys (ADR 0010): statement triggers keep what the keys kept. A row
/// must name a budget of its own process, a budget with ballots stays, and a process takes its ballots with it.
/// </summary>
public sealed class BallotReferencesTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task A_batch_naming_a_budget_of_another_process_is_refused_whole()
    {
        var box = await OpenBoxAsync();
        var other = await OtherProcessBudgetAsync(box);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(
            box.Row("code:a", "Library"), box.Row("code:b", "Library", other.BudgetId)));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        Assert.Contains(other.BudgetId.ToString(), refused.MessageText, StringComparison.Ordinal);
        Assert.Equal((0, 0), await CountAsync(box.Scenario.ProcessId));
    }

    [Fact]
    public async Task A_ballot_naming_no_budget_is_refused()
    {
        var box = await OpenBoxAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(box.Row("code:a", "Library", Guid.NewGuid())));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        Assert.Equal((0, 0), await CountAsync(box.Scenario.ProcessId));
    }

    [Fact]
    public async Task A_written_ballot_or_registry_row_keeps_its_budget()
    {
        var box = await OpenBoxAsync();
        var other = await OtherProcessBudgetAsync(box);
        await ExecuteAsync(box.Row("code:a", "Library"));
        await using var db = Fixture.CreateDbContext();

        var ballot = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync(
            $"UPDATE app.\"BudgetBallots\" SET \"BudgetId\" = {other.BudgetId}, \"ProcessId\" = {other.ProcessId} WHERE \"BudgetId\" = {box.BudgetId}", Cancel));
        var voter = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync(
            $"UPDATE app.\"VoterRecords\" SET \"BudgetId\" = {other.BudgetId} WHERE \"BudgetId\" = {box.BudgetId}", Cancel));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, ballot.SqlState);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, voter.SqlState);
        Assert.Equal((1, 1), await CountAsync(box.Scenario.ProcessId));
    }

    [Fact]
    public async Task A_budget_with_ballots_cannot_be_removed_or_moved()
    {
        var box = await OpenBoxAsync();
        var other = await OtherProcessBudgetAsync(box);
        await ExecuteAsync(box.Row("code:a", "Library"));
        await using var db = Fixture.CreateDbContext();

        var removal = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM app.\"ProcessBudgets\" WHERE \"Id\" = {box.BudgetId}", Cancel));
        var move = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync(
            $"UPDATE app.\"ProcessBudgets\" SET \"ProcessId\" = {other.ProcessId} WHERE \"Id\" = {box.BudgetId}", Cancel));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, removal.SqlState);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, move.SqlState);
        Assert.Equal(1, await db.ProcessBudgets.CountAsync(b => b.Id == box.BudgetId && b.ProcessId == box.Scenario.ProcessId, Cancel));
    }

    [Fact]
    public async Task Removing_a_process_removes_its_ballots_and_registry_rows_only()
    {
        var box = await OpenBoxAsync();
        var other = await OtherProcessBudgetAsync(box);
        await ExecuteAsync(box.Row("code:a", "Library"), box.Row("code:b", "Library"));
        await using var db = Fixture.CreateDbContext();
        db.VoterRecords.Add(new VoterRecord
        {
            ProcessId = other.ProcessId, BudgetId = other.BudgetId, VoterKey = "code:a", Channel = VoteChannel.Online,
            FirstVotedAt = box.Now, LastVotedAt = box.Now,
        });
        await db.SaveChangesAsync(Cancel);

        await db.Database.ExecuteSqlAsync($"DELETE FROM app.\"Processes\" WHERE \"Id\" = {box.Scenario.ProcessId}", Cancel);

        Assert.Equal((0, 0), await CountAsync(box.Scenario.ProcessId));
        Assert.Equal((0, 1), await CountAsync(other.ProcessId));
    }

    private async Task<(int Ballots, int Voters)> CountAsync(Guid processId)
    {
        await using var db = Fixture.CreateDbContext();
        return (await db.BudgetBallots.CountAsync(b => b.ProcessId == processId, Cancel),
            await db.VoterRecords.CountAsync(r => r.ProcessId == processId, Cancel));
    }

    private Task<BallotOutcome[]> ExecuteAsync(params BallotRow[] rows) => TestBallotBox.ExecuteAsync(Fixture, rows);

    /// <summary>A second process of the box's council, created by its officer, with a budget of its own.</summary>
    private async Task<(Guid ProcessId, Guid BudgetId)> OtherProcessBudgetAsync(TestBallotBox box)
    {
        await using var db = Fixture.CreateDbContext();
        var councilId = await db.Processes.Where(p => p.Id == box.Scenario.ProcessId).Select(p => p.OrganisationId).SingleAsync(Cancel);
        var created = await box.Scenario.Officer.PostAsJsonAsync("/api/processes", new
        {
            organisationId = councilId, kind = "ParticipatoryBudget", title = "Hillside budget",
            opensAt = PlatformFixture.Start, closesAt = PlatformFixture.Start.AddDays(14), publish = true,
        }, Cancel);
        var processId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var budget = new ProcessBudget { ProcessId = processId, Name = "Hillside", Amount = 10, Position = 0 };
        db.ProcessBudgets.Add(budget);
        await db.SaveChangesAsync(Cancel);
        return (processId, budget.Id);
    }

    private Task<TestBallotBox> OpenBoxAsync() => TestBallotBox.OpenAsync(Fixture, ("Library", 50));
}
