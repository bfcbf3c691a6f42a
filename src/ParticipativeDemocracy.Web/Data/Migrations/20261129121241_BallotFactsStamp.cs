using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BallotFactsStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Any update of a row gives it a new xmin, and a row added or removed changes a count, so the stamp changes
            // with anything a ballot is checked against. Missing rows are '-', so no two shapes run together.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION app.ballot_facts_stamp(process uuid) RETURNS text
                LANGUAGE sql STABLE AS $fn$
                    SELECT concat_ws('/',
                        coalesce((SELECT p.xmin::text FROM app."Processes" p WHERE p."Id" = process), '-'),
                        coalesce((SELECT s.xmin::text FROM app."BudgetSettings" s WHERE s."ProcessId" = process), '-'),
                        coalesce((SELECT e.xmin::text FROM app."ProcessEligibility" e WHERE e."ProcessId" = process), '-'),
                        (SELECT count(*) || ':' || coalesce(sum(b.xmin::text::bigint), 0) FROM app."ProcessBudgets" b WHERE b."ProcessId" = process),
                        (SELECT count(*) || ':' || coalesce(sum(j.xmin::text::bigint), 0) FROM app."BudgetProjects" j WHERE j."ProcessId" = process))
                $fn$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS app.ballot_facts_stamp(uuid);");
        }
    }
}
