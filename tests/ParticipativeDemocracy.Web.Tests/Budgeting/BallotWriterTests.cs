using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Budgeting;

/// <summary>
/// Group commit: ballots handed to the writer at the same moment share statements, and each still gets the
/// outcome it would have had alone (written, replaced, refused for stale facts or a paper vote), while a
/// batch that fails writes nothing and the writer sends every ballot in it back to be written by itself.
/// </summary>
public sealed class BallotWriterTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private BallotWriter Writer => Fixture.Factory.Services.GetRequiredService<BallotWriter>();

    [Fact]
    public async Task Ballots_cast_together_share_statements_and_each_is_counted()
    {
        var box = await OpenBoxAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Writer.WriteAsync(box.Row($"code:{i}", "Library"))));

        Assert.All(outcomes, o => Assert.Equal(new BallotOutcome(true, true, true, false), o));
        await using var db = Fixture.CreateDbContext();
        // One transaction per statement: a handful of them wrote the hundred ballots.
        var transactions = await db.Database.SqlQuery<int>(
            $"SELECT count(DISTINCT xmin::text)::int AS \"Value\" FROM app.\"BudgetBallots\" WHERE \"ProcessId\" = {box.Scenario.ProcessId}").SingleAsync(Cancel);
        Assert.InRange(transactions, 1, 10);
        Assert.Equal(100, await db.BudgetBallots.CountAsync(b => b.ProcessId == box.Scenario.ProcessId, Cancel));
        Assert.Equal(100, await db.VoterRecords.CountAsync(r => r.ProcessId == box.Scenario.ProcessId, Cancel));
    }

    [Fact]
    public async Task Each_ballot_in_a_batch_gets_its_own_outcome()
    {
        var box = await OpenBoxAsync();
        Assert.NotNull(await Writer.WriteAsync(box.Row("code:changer", "Library")));
        await AddPaperVoteAsync(box, box.BudgetId, "roll:paper");

        var replacement = box.Row("code:changer", "Trees");
        var written = await ExecuteAsync(
            replacement,
            box.Row("code:stale", "Library") with { Stamp = "stale" },
            box.Row("roll:paper", "Library"),
            box.Row("code:new", "Trees"));

        Assert.Equal(
            [
                new BallotOutcome(true, true, true, true),
                new BallotOutcome(true, false, false, false),
                new BallotOutcome(true, true, false, false),
                new BallotOutcome(true, true, true, false),
            ],
            written);
        await using var db = Fixture.CreateDbContext();
        var receipts = await db.BudgetBallots.Where(b => b.ProcessId == box.Scenario.ProcessId).Select(b => b.ReceiptCode).ToListAsync(Cancel);
        Assert.Equal(2, receipts.Count);
        Assert.Contains(replacement.ReceiptCode, receipts);
    }

    [Fact]
    public async Task Ballots_of_one_voter_never_share_a_statement_and_one_is_kept()
    {
        var box = await OpenBoxAsync();

        var written = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Writer.WriteAsync(box.Row("code:twice", i % 2 == 0 ? "Library" : "Trees"))));

        Assert.All(written, Assert.NotNull);
        Assert.Single(written, o => !o!.Replaced);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.BudgetBallots.CountAsync(b => b.ProcessId == box.Scenario.ProcessId, Cancel));
        Assert.Equal(1, await db.VoterRecords.CountAsync(r => r.ProcessId == box.Scenario.ProcessId, Cancel));
    }

    [Fact]
    public async Task A_batch_that_fails_writes_nothing_and_the_writer_sends_the_ballot_back()
    {
        var box = await OpenBoxAsync();
        // A paper vote in another budget of the process: the registry's exclusion constraint refuses the whole statement.
        await using (var db = Fixture.CreateDbContext())
        {
            var district = new ProcessBudget { ProcessId = box.Scenario.ProcessId, Name = "District", Amount = 10, Position = 1 };
            db.ProcessBudgets.Add(district);
            await db.SaveChangesAsync(Cancel);
            await AddPaperVoteAsync(box, district.Id, "roll:elsewhere");
            box = box with { Stamp = await TestBallotBox.StampAsync(db, box.Scenario) };
        }

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(
            box.Row("code:a", "Library"), box.Row("roll:elsewhere", "Trees"), box.Row("code:b", "Trees")));
        Assert.Equal(PaperOrOnline.Constraint, refused.ConstraintName);
        Assert.Null(await Writer.WriteAsync(box.Row("roll:elsewhere", "Trees")));

        await using var check = Fixture.CreateDbContext();
        Assert.Equal(0, await check.BudgetBallots.CountAsync(b => b.ProcessId == box.Scenario.ProcessId, Cancel));
        Assert.Equal(1, await check.VoterRecords.CountAsync(r => r.ProcessId == box.Scenario.ProcessId, Cancel));
    }

    private Task<BallotOutcome[]> ExecuteAsync(params BallotRow[] rows) => TestBallotBox.ExecuteAsync(Fixture, rows);

    private async Task AddPaperVoteAsync(TestBallotBox box, Guid budgetId, string voterKey)
    {
        await using var db = Fixture.CreateDbContext();
        db.VoterRecords.Add(new VoterRecord
        {
            ProcessId = box.Scenario.ProcessId, BudgetId = budgetId, VoterKey = voterKey, Channel = VoteChannel.Paper,
            FirstVotedAt = PlatformFixture.Start, LastVotedAt = PlatformFixture.Start,
        });
        await db.SaveChangesAsync(Cancel);
    }

    private Task<TestBallotBox> OpenBoxAsync() => TestBallotBox.OpenAsync(Fixture, ("Library", 50), ("Trees", 40));
}
