using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>A ballot checked against the facts that carry <see cref="Stamp"/>, with its keys worked out; "" where there is no superseded key.</summary>
public sealed record BallotRow(
    Guid Id, Guid ProcessId, Guid BudgetId, string VoterKey, VoteChannel Channel, string ReceiptCode, string ChoicesJson,
    string ReplacementKey, string SupersededKey, string SupersededReplacementKey, DateTimeOffset CastAt, string Stamp);

/// <summary>What the box did with one ballot: whether it was open, the facts fresh, the registry row written and an earlier ballot replaced.</summary>
public sealed record BallotOutcome(bool Open, bool Fresh, bool Recorded, bool Replaced);

/// <summary>
/// Group commit for online ballots (ADR 0009): ballots that arrive while a write is in flight go in together as
/// one statement and one transaction, each with its own outcome. A commit and a statement cost PostgreSQL more
/// than a row does, so under load the box's cost per ballot falls as the queue grows, while a lone ballot is
/// written at once. A batch never holds two ballots touching the same registry key: one statement cannot
/// update a row twice, and a voter's later ballot must see their earlier one. When a batch fails (a person who
/// voted on paper, a deadlock) every ballot in it gets no outcome and is written by itself, where the error,
/// if any, is that ballot's own.
/// </summary>
public sealed partial class BallotWriter : BackgroundService
{
    private const int MaxBatch = 256;

    /// <summary>Two: one batch is formed and its outcomes handed out while the other is in the database.</summary>
    private const int Writers = 2;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<BallotWriter> _logger;
    private volatile bool _running;

    public BallotWriter(IConfiguration configuration, ILogger<BallotWriter> logger)
    {
        var connection = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Default")) { MaxAutoPrepare = 4 };
        _dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
        _logger = logger;
    }

    /// <summary>The ballot's outcome; null when it must be written by itself (its batch failed, or the app is stopping).</summary>
    public Task<BallotOutcome?> WriteAsync(BallotRow row)
    {
        var pending = new Pending(row);
        return _running && _queue.Writer.TryWrite(pending) ? pending.Outcome.Task : Task.FromResult<BallotOutcome?>(null);
    }

    public override void Dispose()
    {
        _dataSource.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running = true;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));
        }
        finally
        {
            _running = false;
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Outcome.TrySetResult(null);
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var held = new List<Pending>();
        try
        {
            while (held.Count > 0 || await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = Form(held);
                await WriteBatchAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            held.ForEach(p => p.Outcome.TrySetResult(null));
        }
    }

    /// <summary>Ballots held back last time first, then the queue; a ballot sharing a key with one already in goes back to <paramref name="held"/>.</summary>
    private List<Pending> Form(List<Pending> held)
    {
        var batch = new List<Pending>();
        var keys = new HashSet<(Guid, string)>();
        var waiting = held.ToList();
        held.Clear();
        foreach (var pending in waiting)
        {
            Place(pending);
        }

        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
        {
            Place(next);
        }

        return batch;

        void Place(Pending pending)
        {
            var row = pending.Row;
            if (batch.Count >= MaxBatch || keys.Contains((row.BudgetId, row.VoterKey)) || keys.Contains((row.BudgetId, row.SupersededKey)))
            {
                held.Add(pending);
                return;
            }

            batch.Add(pending);
            keys.Add((row.BudgetId, row.VoterKey));
            if (row.SupersededKey.Length > 0)
            {
                keys.Add((row.BudgetId, row.SupersededKey));
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            var outcomes = await BallotBatchStatement.ExecuteAsync(_dataSource, batch.ConvertAll(p => p.Row));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(outcomes[i]);
            }
        }
        // Any failure: a ballot left without an outcome would hang its request, and written alone it gets its own answer.
        catch (Exception ex)
        {
            LogBatchFailed(ex, batch.Count);
            batch.ForEach(p => p.Outcome.TrySetResult(null));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A batch of {Count} ballots failed; each is written by itself")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed class Pending(BallotRow row)
    {
        public BallotRow Row { get; } = row;

        public TaskCompletionSource<BallotOutcome?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
