using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaperBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaperBatches",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    BudgetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CountedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Counted = table.Column<int>(type: "integer", nullable: false),
                    Resolutions = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperBatches_ProcessBudgets_BudgetId",
                        column: x => x.BudgetId,
                        principalSchema: "app",
                        principalTable: "ProcessBudgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperBatches_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperKeyings",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Ballots = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperKeyings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperKeyings_PaperBatches_BatchId",
                        column: x => x.BatchId,
                        principalSchema: "app",
                        principalTable: "PaperBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PaperBatches_BudgetId",
                schema: "app",
                table: "PaperBatches",
                column: "BudgetId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperBatches_ProcessId",
                schema: "app",
                table: "PaperBatches",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperKeyings_BatchId_OfficerId",
                schema: "app",
                table: "PaperKeyings",
                columns: new[] { "BatchId", "OfficerId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaperKeyings",
                schema: "app");

            migrationBuilder.DropTable(
                name: "PaperBatches",
                schema: "app");
        }
    }
}
