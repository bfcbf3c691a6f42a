using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <summary>
    /// Closing online voting and counting become two moments (ADR 0011): a process closed before this migration was
    /// counted at its close.
    /// </summary>
    public partial class PaperCountWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CountedAt",
                schema: "app",
                table: "BudgetSettings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql("""UPDATE app."BudgetSettings" SET "CountedAt" = "ClosedAt" WHERE "ClosedAt" IS NOT NULL;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CountedAt",
                schema: "app",
                table: "BudgetSettings");
        }
    }
}
