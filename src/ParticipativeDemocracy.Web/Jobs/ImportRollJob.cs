using System.Text;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>
/// Imports an uploaded roll in batches, committing progress after each so officers can watch a large
/// file go in. Bad rows are reported, good rows kept. Safe to retry: it starts the roll again.
/// </summary>
public sealed class ImportRollJob(AppDbContext db, RollHasher hasher, TimeProvider clock)
{
    private const int BatchSize = 5000;

    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(Guid rollId, CancellationToken cancellationToken)
    {
        var roll = await db.VoterRolls.SingleOrDefaultAsync(r => r.Id == rollId, cancellationToken);
        var upload = await db.VoterRollUploads.AsNoTracking().SingleOrDefaultAsync(u => u.RollId == rollId, cancellationToken);
        if (roll is not { Status: VoterRollStatus.Importing } || upload is null)
        {
            return;
        }

        await db.VoterRollEntries.Where(e => e.RollId == rollId).ExecuteDeleteAsync(cancellationToken);
        await db.VoterRollProblems.Where(p => p.RollId == rollId).ExecuteDeleteAsync(cancellationToken);
        roll.ProcessedRows = roll.AcceptedRows = roll.RejectedRows = 0;

        using var reader = new StreamReader(new MemoryStream(upload.Content), Encoding.UTF8);
        if (!RollCsv.IsHeader(await reader.ReadLineAsync(cancellationToken)))
        {
            db.VoterRollProblems.Add(new VoterRollProblem { RollId = rollId, RowNumber = 1, Reason = $"The first row must be the header: {RollCsv.Header}." });
            await FinishAsync(roll, VoterRollStatus.Failed, cancellationToken);
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<VoterRollEntry>(BatchSize);
        var number = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            roll.ProcessedRows++;
            var entry = ToEntry(rollId, number, line, today, seen);
            if (entry is null)
            {
                roll.RejectedRows++;
            }
            else
            {
                batch.Add(entry);
                roll.AcceptedRows++;
            }

            if (roll.ProcessedRows % BatchSize == 0)
            {
                await FlushAsync(batch, cancellationToken);
            }
        }

        await FlushAsync(batch, cancellationToken);
        await db.VoterRollUploads.Where(u => u.RollId == rollId).ExecuteDeleteAsync(cancellationToken);
        await FinishAsync(roll, VoterRollStatus.Ready, cancellationToken);
    }

    private VoterRollEntry? ToEntry(Guid rollId, int number, string line, DateOnly today, Dictionary<string, int> seen)
    {
        var parsed = RollCsv.Parse(number, line, today);
        if (parsed is RollCsv.Problem problem)
        {
            db.VoterRollProblems.Add(new VoterRollProblem { RollId = rollId, RowNumber = problem.Number, Reason = problem.Reason });
            return null;
        }

        var row = (RollCsv.Row)parsed;
        var referenceHash = hasher.ReferenceHash(row.Reference);
        if (!seen.TryAdd(referenceHash, number))
        {
            db.VoterRollProblems.Add(new VoterRollProblem
            {
                RollId = rollId, RowNumber = number, Reason = $"The reference already appears on row {seen[referenceHash]}.",
            });
            return null;
        }

        return new VoterRollEntry
        {
            Id = Guid.CreateVersion7(), RollId = rollId, ReferenceHash = referenceHash,
            MatchHash = hasher.MatchHash(row.Reference, row.DateOfBirth, row.Postcode),
            DateOfBirth = row.DateOfBirth, District = row.District,
        };
    }

    /// <summary>COPY for the rows (fast for 100k), then the problems and the progress counters, committed.</summary>
    private async Task FlushAsync(List<VoterRollEntry> batch, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY app."VoterRollEntries" ("Id", "RollId", "ReferenceHash", "MatchHash", "DateOfBirth", "District") FROM STDIN (FORMAT BINARY)""",
            cancellationToken))
        {
            foreach (var e in batch)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(e.RollId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(e.ReferenceHash, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(e.MatchHash, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(e.DateOfBirth, NpgsqlDbType.Date, cancellationToken);
                if (e.District is null) { await copy.WriteNullAsync(cancellationToken); }
                else { await copy.WriteAsync(e.District, NpgsqlDbType.Varchar, cancellationToken); }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        batch.Clear();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task FinishAsync(VoterRoll roll, VoterRollStatus status, CancellationToken cancellationToken)
    {
        roll.Status = status;
        roll.CompletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record RollUploaded(Guid RollId) : INotification;

public sealed class EnqueueRollImportOnCommit(IBackgroundJobClient jobs) : INotificationHandler<RollUploaded>
{
    public ValueTask Handle(RollUploaded notification, CancellationToken cancellationToken)
    {
        jobs.Enqueue<ImportRollJob>(job => job.RunAsync(notification.RollId, CancellationToken.None));
        return ValueTask.CompletedTask;
    }
}
