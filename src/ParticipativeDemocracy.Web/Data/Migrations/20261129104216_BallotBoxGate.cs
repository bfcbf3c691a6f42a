using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BallotBoxGate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The lock's first key is BallotBoxGate.LockClass.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION app.ballot_box_open(process uuid) RETURNS boolean
                LANGUAGE plpgsql VOLATILE AS $fn$
                BEGIN
                    PERFORM pg_advisory_xact_lock_shared(1651076195, hashtext(process::text));
                    RETURN NOT EXISTS (SELECT 1 FROM app."BudgetSettings" s WHERE s."ProcessId" = process AND s."ClosedAt" IS NOT NULL);
                END
                $fn$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS app.ballot_box_open(uuid);");
        }
    }
}
