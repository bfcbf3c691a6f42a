using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BudgetVoting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                schema: "app",
                table: "VoterRecords",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Online");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Channel",
                schema: "app",
                table: "VoterRecords");
        }
    }
}
