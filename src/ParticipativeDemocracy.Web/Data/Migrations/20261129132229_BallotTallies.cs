using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BallotTallies : Migration
    {
        /// <summary>Rows per project: concurrent ballots add to different rows (by server process), so they rarely wait.</summary>
        private const int Shards = 32;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE app."BallotTallies" (
                    "ProcessId" uuid NOT NULL,
                    "ProjectId" uuid NOT NULL,
                    "Shard" integer NOT NULL,
                    "Votes" bigint NOT NULL,
                    "Points" bigint NOT NULL,
                    CONSTRAINT "PK_BallotTallies" PRIMARY KEY ("ProjectId", "Shard"));
                CREATE INDEX "IX_BallotTallies_ProcessId" ON app."BallotTallies" ("ProcessId");

                INSERT INTO app."BallotTallies" ("ProcessId", "ProjectId", "Shard", "Votes", "Points")
                SELECT b."ProcessId", (c->>'ProjectId')::uuid, 0, count(*), coalesce(sum((c->>'Points')::int), 0)
                FROM app."BudgetBallots" b CROSS JOIN LATERAL jsonb_array_elements(b."Choices") c
                GROUP BY 1, 2;
                """);
            // One function per event, as each sees only its own transition tables. Rows are added in project order,
            // so two statements never lock the same tally rows in opposite orders.
            foreach (var (name, deltas) in Triggers)
            {
                migrationBuilder.Sql($"""
                    CREATE FUNCTION app.ballot_tallies_{name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
                    BEGIN
                        INSERT INTO app."BallotTallies" AS t ("ProcessId", "ProjectId", "Shard", "Votes", "Points")
                        SELECT d.process, d.project, pg_backend_pid() % {Shards}, sum(d.votes), sum(d.points)
                        FROM ({deltas}) d
                        GROUP BY d.process, d.project
                        HAVING sum(d.votes) <> 0 OR sum(d.points) <> 0
                        ORDER BY d.project
                        ON CONFLICT ("ProjectId", "Shard") DO UPDATE
                            SET "Votes" = t."Votes" + EXCLUDED."Votes", "Points" = t."Points" + EXCLUDED."Points";
                        RETURN NULL;
                    END
                    $fn$;
                    """);
            }

            migrationBuilder.Sql("""
                CREATE TRIGGER ballot_tallies_inserted AFTER INSERT ON app."BudgetBallots"
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION app.ballot_tallies_inserted();
                CREATE TRIGGER ballot_tallies_updated AFTER UPDATE ON app."BudgetBallots"
                    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION app.ballot_tallies_updated();
                CREATE TRIGGER ballot_tallies_deleted AFTER DELETE ON app."BudgetBallots"
                    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION app.ballot_tallies_deleted();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS ballot_tallies_inserted ON app."BudgetBallots";
                DROP TRIGGER IF EXISTS ballot_tallies_updated ON app."BudgetBallots";
                DROP TRIGGER IF EXISTS ballot_tallies_deleted ON app."BudgetBallots";
                DROP FUNCTION IF EXISTS app.ballot_tallies_inserted();
                DROP FUNCTION IF EXISTS app.ballot_tallies_updated();
                DROP FUNCTION IF EXISTS app.ballot_tallies_deleted();
                DROP TABLE IF EXISTS app."BallotTallies";
                """);
        }

        private static string Added => """
            SELECT a."ProcessId" AS process, (c->>'ProjectId')::uuid AS project, 1 AS votes, coalesce((c->>'Points')::int, 0) AS points
            FROM added a CROSS JOIN LATERAL jsonb_array_elements(a."Choices") c
            """;

        private static string Removed => """
            SELECT r."ProcessId" AS process, (c->>'ProjectId')::uuid AS project, -1 AS votes, -coalesce((c->>'Points')::int, 0) AS points
            FROM removed r CROSS JOIN LATERAL jsonb_array_elements(r."Choices") c
            """;

        private static (string Name, string Deltas)[] Triggers =>
        [
            ("inserted", Added),
            ("updated", Added + " UNION ALL " + Removed),
            ("deleted", Removed),
        ];
    }
}
