using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <summary>
    /// Ballots and registry rows lose their four foreign keys, whose per-row checks (a query and a row lock each)
    /// were about a quarter of PostgreSQL's work a ballot, for statement triggers that check a whole batch at once
    /// (ADR 0010): every row must name a budget of its own process, the budgets are locked FOR KEY SHARE once a
    /// statement as the keys locked them once a row, a budget with ballots or registry rows cannot be removed or
    /// moved, and removing a process still removes its ballots and registry rows first.
    /// </summary>
    public partial class BallotReferencesByStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BudgetBallots_ProcessBudgets_BudgetId",
                schema: "app",
                table: "BudgetBallots");

            migrationBuilder.DropForeignKey(
                name: "FK_BudgetBallots_Processes_ProcessId",
                schema: "app",
                table: "BudgetBallots");

            migrationBuilder.DropForeignKey(
                name: "FK_VoterRecords_ProcessBudgets_BudgetId",
                schema: "app",
                table: "VoterRecords");

            migrationBuilder.DropForeignKey(
                name: "FK_VoterRecords_Processes_ProcessId",
                schema: "app",
                table: "VoterRecords");

            migrationBuilder.Sql(CheckFunction);
            migrationBuilder.Sql(KeepFunction);
            foreach (var table in ChildTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {TriggerName(table, NameRule)} AFTER INSERT ON app."{table}"
                        REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION app.ballot_rows_name_their_budget();
                    CREATE TRIGGER {TriggerName(table, KeepRule)} BEFORE UPDATE OF "BudgetId", "ProcessId" ON app."{table}"
                        FOR EACH ROW WHEN (OLD."BudgetId" IS DISTINCT FROM NEW."BudgetId" OR OLD."ProcessId" IS DISTINCT FROM NEW."ProcessId")
                        EXECUTE FUNCTION app.ballot_rows_keep_their_budget();
                    """);
            }

            migrationBuilder.Sql(BudgetGuard);
            migrationBuilder.Sql(ProcessCascade);
        }

        /// <summary>Raises 23503, as a foreign key would, naming the first row whose budget is missing or of another process.</summary>
        private const string CheckFunction = """
            CREATE FUNCTION app.ballot_rows_name_their_budget() RETURNS trigger LANGUAGE plpgsql AS $fn$
            DECLARE
                stray record;
            BEGIN
                -- Held to the end of the transaction, so a budget cannot go while rows naming it are being written.
                PERFORM 1 FROM app."ProcessBudgets" b
                WHERE b."Id" IN (SELECT DISTINCT "BudgetId" FROM written)
                ORDER BY b."Id"
                FOR KEY SHARE OF b;
                SELECT w."BudgetId", w."ProcessId" INTO stray
                FROM written w
                WHERE NOT EXISTS (SELECT 1 FROM app."ProcessBudgets" b WHERE b."Id" = w."BudgetId" AND b."ProcessId" = w."ProcessId")
                LIMIT 1;
                IF FOUND THEN
                    RAISE EXCEPTION USING
                        ERRCODE = 'foreign_key_violation',
                        CONSTRAINT = 'FK_' || TG_TABLE_NAME || '_ProcessBudgets',
                        MESSAGE = format('%s: budget %s is not a budget of process %s', TG_TABLE_NAME, stray."BudgetId", stray."ProcessId");
                END IF;
                RETURN NULL;
            END
            $fn$;
            """;

        /// <summary>
        /// A written ballot or registry row keeps its budget and process. Updates never set them (a replacement sets the
        /// choices or the time), so this is a row trigger whose condition PostgreSQL tests without calling anything.
        /// </summary>
        private const string KeepFunction = """
            CREATE FUNCTION app.ballot_rows_keep_their_budget() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                RAISE EXCEPTION USING
                    ERRCODE = 'foreign_key_violation',
                    CONSTRAINT = 'FK_' || TG_TABLE_NAME || '_ProcessBudgets',
                    MESSAGE = format('%s: a row keeps budget %s of process %s', TG_TABLE_NAME, OLD."BudgetId", OLD."ProcessId");
            END
            $fn$;
            """;

        /// <summary>RESTRICT, as the keys had it: a budget with ballots or registry rows keeps its id and process.</summary>
        private const string BudgetGuard = """
            CREATE FUNCTION app.budget_keeps_its_ballots() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF (TG_OP = 'DELETE' OR NEW."Id" <> OLD."Id" OR NEW."ProcessId" <> OLD."ProcessId")
                   AND (EXISTS (SELECT 1 FROM app."BudgetBallots" WHERE "BudgetId" = OLD."Id")
                        OR EXISTS (SELECT 1 FROM app."VoterRecords" WHERE "BudgetId" = OLD."Id")) THEN
                    RAISE EXCEPTION USING
                        ERRCODE = 'foreign_key_violation',
                        CONSTRAINT = 'FK_BudgetBallots_ProcessBudgets',
                        MESSAGE = format('budget %s has ballots or registry rows', OLD."Id");
                END IF;
                RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            END
            $fn$;
            CREATE TRIGGER budget_keeps_its_ballots BEFORE DELETE OR UPDATE OF "Id", "ProcessId" ON app."ProcessBudgets"
                FOR EACH ROW EXECUTE FUNCTION app.budget_keeps_its_ballots();
            """;

        /// <summary>CASCADE, as the process keys had it: before a process goes, its ballots and registry rows go.</summary>
        private const string ProcessCascade = """
            CREATE FUNCTION app.process_takes_its_ballots() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                DELETE FROM app."BudgetBallots" WHERE "ProcessId" = OLD."Id";
                DELETE FROM app."VoterRecords" WHERE "ProcessId" = OLD."Id";
                RETURN OLD;
            END
            $fn$;
            CREATE TRIGGER process_takes_its_ballots BEFORE DELETE ON app."Processes"
                FOR EACH ROW EXECUTE FUNCTION app.process_takes_its_ballots();
            """;

        private const string NameRule = "name_their_budget";

        private const string KeepRule = "keep_their_budget";

        private static string[] ChildTables => ["BudgetBallots", "VoterRecords"];

        private static string TriggerName(string table, string rule) => $"{table.ToLowerInvariant()}_{rule}";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in ChildTables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER IF EXISTS {TriggerName(table, NameRule)} ON app."{table}";
                    DROP TRIGGER IF EXISTS {TriggerName(table, KeepRule)} ON app."{table}";
                    """);
            }

            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS budget_keeps_its_ballots ON app."ProcessBudgets";
                DROP TRIGGER IF EXISTS process_takes_its_ballots ON app."Processes";
                DROP FUNCTION IF EXISTS app.ballot_rows_name_their_budget();
                DROP FUNCTION IF EXISTS app.ballot_rows_keep_their_budget();
                DROP FUNCTION IF EXISTS app.budget_keeps_its_ballots();
                DROP FUNCTION IF EXISTS app.process_takes_its_ballots();
                """);
            migrationBuilder.AddForeignKey(
                name: "FK_BudgetBallots_ProcessBudgets_BudgetId",
                schema: "app",
                table: "BudgetBallots",
                column: "BudgetId",
                principalSchema: "app",
                principalTable: "ProcessBudgets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_BudgetBallots_Processes_ProcessId",
                schema: "app",
                table: "BudgetBallots",
                column: "ProcessId",
                principalSchema: "app",
                principalTable: "Processes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_VoterRecords_ProcessBudgets_BudgetId",
                schema: "app",
                table: "VoterRecords",
                column: "BudgetId",
                principalSchema: "app",
                principalTable: "ProcessBudgets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_VoterRecords_Processes_ProcessId",
                schema: "app",
                table: "VoterRecords",
                column: "ProcessId",
                principalSchema: "app",
                principalTable: "Processes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
