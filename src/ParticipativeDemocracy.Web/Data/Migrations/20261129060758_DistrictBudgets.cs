using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DistrictBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProcessBudgets",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessBudgets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessBudgets_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.DropPrimaryKey(
                name: "PK_VoterRecords",
                schema: "app",
                table: "VoterRecords");

            migrationBuilder.DropPrimaryKey(
                name: "PK_BudgetOutcomes",
                schema: "app",
                table: "BudgetOutcomes");

            migrationBuilder.DropIndex(
                name: "IX_BudgetBallots_ProcessId_ReplacementKey",
                schema: "app",
                table: "BudgetBallots");

            migrationBuilder.AddColumn<Guid>(
                name: "BudgetId",
                schema: "app",
                table: "VoterRecords",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "BudgetId",
                schema: "app",
                table: "BudgetProjects",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "BudgetId",
                schema: "app",
                table: "BudgetOutcomes",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "BudgetId",
                schema: "app",
                table: "BudgetBallots",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Each existing process keeps its one budget: city-wide, named after the process, with the process's
            // id (so voters' replacement keys stay valid), and every row of the process moves to it.
            migrationBuilder.Sql("""
                INSERT INTO app."ProcessBudgets" ("Id", "ProcessId", "Name", "Amount", "District", "Position")
                SELECT s."ProcessId", s."ProcessId", left(p."Title", 200), s."Amount", NULL, 0
                FROM app."BudgetSettings" s JOIN app."Processes" p ON p."Id" = s."ProcessId";
                UPDATE app."BudgetProjects" SET "BudgetId" = "ProcessId";
                UPDATE app."BudgetBallots" SET "BudgetId" = "ProcessId";
                UPDATE app."VoterRecords" SET "BudgetId" = "ProcessId";
                UPDATE app."BudgetOutcomes" SET "BudgetId" = "ProcessId";
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_VoterRecords",
                schema: "app",
                table: "VoterRecords",
                columns: new[] { "BudgetId", "VoterKey" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_BudgetOutcomes",
                schema: "app",
                table: "BudgetOutcomes",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_VoterRecords_ProcessId_VoterKey",
                schema: "app",
                table: "VoterRecords",
                columns: new[] { "ProcessId", "VoterKey" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProjects_BudgetId",
                schema: "app",
                table: "BudgetProjects",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetOutcomes_ProcessId",
                schema: "app",
                table: "BudgetOutcomes",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_BudgetId_ReplacementKey",
                schema: "app",
                table: "BudgetBallots",
                columns: new[] { "BudgetId", "ReplacementKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_ProcessId",
                schema: "app",
                table: "BudgetBallots",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessBudgets_ProcessId_Position",
                schema: "app",
                table: "ProcessBudgets",
                columns: new[] { "ProcessId", "Position" });

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
                name: "FK_BudgetOutcomes_ProcessBudgets_BudgetId",
                schema: "app",
                table: "BudgetOutcomes",
                column: "BudgetId",
                principalSchema: "app",
                principalTable: "ProcessBudgets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_BudgetProjects_ProcessBudgets_BudgetId",
                schema: "app",
                table: "BudgetProjects",
                column: "BudgetId",
                principalSchema: "app",
                principalTable: "ProcessBudgets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_VoterRecords_ProcessBudgets_BudgetId",
                schema: "app",
                table: "VoterRecords",
                column: "BudgetId",
                principalSchema: "app",
                principalTable: "ProcessBudgets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BudgetBallots_ProcessBudgets_BudgetId",
                schema: "app",
                table: "BudgetBallots");

            migrationBuilder.DropForeignKey(
                name: "FK_BudgetOutcomes_ProcessBudgets_BudgetId",
                schema: "app",
                table: "BudgetOutcomes");

            migrationBuilder.DropForeignKey(
                name: "FK_BudgetProjects_ProcessBudgets_BudgetId",
                schema: "app",
                table: "BudgetProjects");

            migrationBuilder.DropForeignKey(
                name: "FK_VoterRecords_ProcessBudgets_BudgetId",
                schema: "app",
                table: "VoterRecords");

            migrationBuilder.DropTable(
                name: "ProcessBudgets",
                schema: "app");

            migrationBuilder.DropPrimaryKey(
                name: "PK_VoterRecords",
                schema: "app",
                table: "VoterRecords");

            migrationBuilder.DropIndex(
                name: "IX_VoterRecords_ProcessId_VoterKey",
                schema: "app",
                table: "VoterRecords");

            migrationBuilder.DropIndex(
                name: "IX_BudgetProjects_BudgetId",
                schema: "app",
                table: "BudgetProjects");

            migrationBuilder.DropPrimaryKey(
                name: "PK_BudgetOutcomes",
                schema: "app",
                table: "BudgetOutcomes");

            migrationBuilder.DropIndex(
                name: "IX_BudgetOutcomes_ProcessId",
                schema: "app",
                table: "BudgetOutcomes");

            migrationBuilder.DropIndex(
                name: "IX_BudgetBallots_BudgetId_ReplacementKey",
                schema: "app",
                table: "BudgetBallots");

            migrationBuilder.DropIndex(
                name: "IX_BudgetBallots_ProcessId",
                schema: "app",
                table: "BudgetBallots");

            migrationBuilder.DropColumn(
                name: "BudgetId",
                schema: "app",
                table: "VoterRecords");

            migrationBuilder.DropColumn(
                name: "BudgetId",
                schema: "app",
                table: "BudgetProjects");

            migrationBuilder.DropColumn(
                name: "BudgetId",
                schema: "app",
                table: "BudgetOutcomes");

            migrationBuilder.DropColumn(
                name: "BudgetId",
                schema: "app",
                table: "BudgetBallots");

            migrationBuilder.AddPrimaryKey(
                name: "PK_VoterRecords",
                schema: "app",
                table: "VoterRecords",
                columns: new[] { "ProcessId", "VoterKey" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_BudgetOutcomes",
                schema: "app",
                table: "BudgetOutcomes",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_ProcessId_ReplacementKey",
                schema: "app",
                table: "BudgetBallots",
                columns: new[] { "ProcessId", "ReplacementKey" },
                unique: true);
        }
    }
}
