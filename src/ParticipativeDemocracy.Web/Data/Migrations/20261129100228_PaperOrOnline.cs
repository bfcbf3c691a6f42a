using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaperOrOnline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SetAside",
                schema: "app",
                table: "PaperBatches",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            // A person votes on paper or not, per process: no two registry rows of one roll entry in one process
            // may differ in being paper. Only roll keys can meet both channels. See Features/Budgeting/PaperOrOnline.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE app."VoterRecords" ADD CONSTRAINT "EX_VoterRecords_PaperOrOnline"
                EXCLUDE USING gist ("ProcessId" WITH =, "VoterKey" WITH =, (("Channel" = 'Paper')::int) WITH <>)
                WHERE ("VoterKey" LIKE 'roll:%');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE app."VoterRecords" DROP CONSTRAINT "EX_VoterRecords_PaperOrOnline";""");
            migrationBuilder.DropColumn(
                name: "SetAside",
                schema: "app",
                table: "PaperBatches");
        }
    }
}
