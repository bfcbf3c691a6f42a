using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <summary>
    /// Ballots and registry rows per budget, kept by statement triggers beside the per-project tallies, so the live
    /// tally no longer counts every ballot and every voter of the process on each push (a push cost grew with the box).
    /// Sharded by server process like <c>BallotTallies</c>: concurrent statements add to different rows.
    /// </summary>
    public partial class BallotCounts : Migration
    {
        private const int Shards = 32;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE app."BallotCounts" (
                    "ProcessId" uuid NOT NULL,
                    "BudgetId" uuid NOT NULL,
                    "Shard" integer NOT NULL,
                    "Ballots" bigint NOT NULL,
                    "Voters" bigint NOT NULL,
                    CONSTRAINT "PK_BallotCounts" PRIMARY KEY ("BudgetId", "Shard"));
                CREATE INDEX "IX_BallotCounts_ProcessId" ON app."BallotCounts" ("ProcessId");

                INSERT INTO app."BallotCounts" ("ProcessId", "BudgetId", "Shard", "Ballots", "Voters")
                SELECT "ProcessId", "BudgetId", 0, sum(ballots), sum(voters)
                FROM (
                    SELECT "ProcessId", "BudgetId", 1 AS ballots, 0 AS voters FROM app."BudgetBallots"
                    UNION ALL SELECT "ProcessId", "BudgetId", 0, 1 FROM app."VoterRecords"
                ) rows
                GROUP BY 1, 2;
                """);
            foreach (var (name, table, ballots, voters) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE FUNCTION app.ballot_counts_{name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
                    BEGIN
                        INSERT INTO app."BallotCounts" AS c ("ProcessId", "BudgetId", "Shard", "Ballots", "Voters")
                        SELECT "ProcessId", "BudgetId", pg_backend_pid() % {Shards}, count(*) * {ballots}, count(*) * {voters}
                        FROM {table}
                        GROUP BY "ProcessId", "BudgetId"
                        ORDER BY "BudgetId"
                        ON CONFLICT ("BudgetId", "Shard") DO UPDATE
                            SET "Ballots" = c."Ballots" + EXCLUDED."Ballots", "Voters" = c."Voters" + EXCLUDED."Voters";
                        RETURN NULL;
                    END
                    $fn$;
                    """);
            }

            migrationBuilder.Sql("""
                CREATE TRIGGER ballot_counts_ballot_added AFTER INSERT ON app."BudgetBallots"
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION app.ballot_counts_ballot_added();
                CREATE TRIGGER ballot_counts_ballot_removed AFTER DELETE ON app."BudgetBallots"
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION app.ballot_counts_ballot_removed();
                CREATE TRIGGER ballot_counts_voter_added AFTER INSERT ON app."VoterRecords"
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION app.ballot_counts_voter_added();
                CREATE TRIGGER ballot_counts_voter_removed AFTER DELETE ON app."VoterRecords"
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION app.ballot_counts_voter_removed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS ballot_counts_ballot_added ON app."BudgetBallots";
                DROP TRIGGER IF EXISTS ballot_counts_ballot_removed ON app."BudgetBallots";
                DROP TRIGGER IF EXISTS ballot_counts_voter_added ON app."VoterRecords";
                DROP TRIGGER IF EXISTS ballot_counts_voter_removed ON app."VoterRecords";
                DROP FUNCTION IF EXISTS app.ballot_counts_ballot_added();
                DROP FUNCTION IF EXISTS app.ballot_counts_ballot_removed();
                DROP FUNCTION IF EXISTS app.ballot_counts_voter_added();
                DROP FUNCTION IF EXISTS app.ballot_counts_voter_removed();
                DROP TABLE IF EXISTS app."BallotCounts";
                """);
        }

        /// <summary>A ballot or registry row in or out adds ±1 to its budget's count; updates move neither.</summary>
        private static (string Name, string Table, int Ballots, int Voters)[] Triggers =>
        [
            ("ballot_added", "added", 1, 0),
            ("ballot_removed", "removed", -1, 0),
            ("voter_added", "added", 0, 1),
            ("voter_removed", "removed", 0, -1),
        ];
    }
}
