using Npgsql;
using NpgsqlTypes;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// The statement that puts ballots in the box, one row per ballot: <see cref="BallotWriter"/> sends many at once,
/// <see cref="BallotBox"/> one when it writes a ballot by itself. Each process's gate and facts stamp are read
/// once; rows are written in key order so two batches lock registry rows in the same order. The ballot and registry
/// row a ballot supersedes are deleted in the same statement, which leaves those deletes out when no ballot in the
/// batch supersedes one. Returns one outcome per ballot, in the order given.
/// </summary>
public static class BallotBatchStatement
{
    private const string Writes = """
        WITH input AS (
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                                 $10::text[], $11::timestamptz[], $12::text[])
                WITH ORDINALITY AS i(id, process_id, budget_id, voter_key, channel, receipt, choices, replacement_key, old_key,
                                     old_replacement_key, cast_at, stamp, n)
        ), box AS (
            SELECT process_id, app.ballot_box_open(process_id) AS open, app.ballot_facts_stamp(process_id) AS stamp
            FROM (SELECT DISTINCT process_id FROM input ORDER BY process_id) processes
        ), admitted AS (
            SELECT i.* FROM input i JOIN box b USING (process_id) WHERE b.open AND b.stamp = i.stamp
        ), voter AS (
            INSERT INTO app."VoterRecords" ("ProcessId", "BudgetId", "VoterKey", "Channel", "FirstVotedAt", "LastVotedAt")
            SELECT process_id, budget_id, voter_key, channel, cast_at, cast_at FROM admitted ORDER BY budget_id, voter_key
            ON CONFLICT ("BudgetId", "VoterKey") DO UPDATE SET "LastVotedAt" = EXCLUDED."LastVotedAt", "Channel" = EXCLUDED."Channel"
                WHERE app."VoterRecords"."Channel" <> $13
            RETURNING "BudgetId", "VoterKey"
        ), recorded AS (
            SELECT a.* FROM admitted a JOIN voter v ON v."BudgetId" = a.budget_id AND v."VoterKey" = a.voter_key
        ), ballot AS (
            INSERT INTO app."BudgetBallots" ("Id", "ProcessId", "BudgetId", "ReceiptCode", "Choices", "ReplacementKey", "CastAt")
            SELECT id, process_id, budget_id, receipt, choices::jsonb, replacement_key, cast_at FROM recorded ORDER BY budget_id, replacement_key
            ON CONFLICT ("BudgetId", "ReplacementKey") DO UPDATE
                SET "ReceiptCode" = EXCLUDED."ReceiptCode", "Choices" = EXCLUDED."Choices", "CastAt" = EXCLUDED."CastAt"
            RETURNING "BudgetId", "ReplacementKey", (xmax <> 0) AS replaced
        )
        """;

    private const string SupersededWrites = """
        , superseded AS (
            DELETE FROM app."BudgetBallots" b USING recorded r
            WHERE b."BudgetId" = r.budget_id AND b."ReplacementKey" = r.old_replacement_key
            RETURNING r.n
        ), superseded_voter AS (
            -- Runs to completion though nothing reads it, as every data-modifying WITH does.
            DELETE FROM app."VoterRecords" v USING recorded r
            WHERE v."BudgetId" = r.budget_id AND v."VoterKey" = r.old_key
        )
        """;

    private const string Outcomes = """
        SELECT i.n, b.open, b.stamp = i.stamp AS fresh, v."VoterKey" IS NOT NULL AS recorded, coalesce(x.replaced, false)
        """;

    // Joins, not subqueries in the select list: those run once per ballot over the whole batch's rows.
    private const string OutcomeRows = """
        FROM input i
        JOIN box b USING (process_id)
        LEFT JOIN voter v ON v."BudgetId" = i.budget_id AND v."VoterKey" = i.voter_key
        LEFT JOIN ballot x ON x."BudgetId" = i.budget_id AND x."ReplacementKey" = i.replacement_key
        """;

    /// <summary>
    /// For a batch where no ballot replaces one cast under another key, as with every code holder's. The two
    /// deletes would still cost a probe per ballot and fire their statement triggers: a batch of 20 went through
    /// PostgreSQL 1–20 % faster without them (pgbench, the two statements alternated five times).
    /// </summary>
    private const string Sql = Writes + "\n" + Outcomes + " AS replaced\n" + OutcomeRows;

    private const string SqlSuperseding = Writes + "\n" + SupersededWrites + "\n" + Outcomes + " OR s.n IS NOT NULL AS replaced\n" + OutcomeRows
        + "\nLEFT JOIN superseded s ON s.n = i.n";

    public static async Task<BallotOutcome[]> ExecuteAsync(NpgsqlDataSource dataSource, IReadOnlyList<BallotRow> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await ExecuteAsync(connection, null, rows);
    }

    /// <summary>On a connection already open, inside <paramref name="transaction"/> when there is one.</summary>
    public static async Task<BallotOutcome[]> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<BallotRow> rows)
    {
        var sql = rows.Any(r => r.SupersededKey.Length > 0) ? SqlSuperseding : Sql;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        AddArrays(command, rows);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = nameof(VoteChannel.Paper) });
        var outcomes = new BallotOutcome[rows.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            outcomes[reader.GetInt64(0) - 1] = new BallotOutcome(reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4));
        }

        return outcomes.Any(o => o is null)
            ? throw new InvalidOperationException("The ballot batch statement returned fewer outcomes than ballots.")
            : outcomes;
    }

    private static void AddArrays(NpgsqlCommand command, IReadOnlyList<BallotRow> rows)
    {
        Add(command, rows, r => r.Id);
        Add(command, rows, r => r.ProcessId);
        Add(command, rows, r => r.BudgetId);
        Add(command, rows, r => r.VoterKey);
        Add(command, rows, r => r.Channel.ToString());
        Add(command, rows, r => r.ReceiptCode);
        Add(command, rows, r => r.ChoicesJson);
        Add(command, rows, r => r.ReplacementKey);
        Add(command, rows, r => r.SupersededKey);
        Add(command, rows, r => r.SupersededReplacementKey);
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
            TypedValue = rows.Select(r => r.CastAt.UtcDateTime).ToArray(),
        });
        Add(command, rows, r => r.Stamp);
    }

    private static void Add<T>(NpgsqlCommand command, IReadOnlyList<BallotRow> rows, Func<BallotRow, T> field) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = rows.Select(field).ToArray() });
}
