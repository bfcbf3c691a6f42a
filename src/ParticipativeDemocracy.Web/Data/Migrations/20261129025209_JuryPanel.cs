using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JuryPanel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JuryPanelMembers",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlayerLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryPanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryPanelMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalSchema: "app",
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JuryPanelMembers_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JurySettings",
                schema: "app",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Remit = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PanelSize = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurySettings", x => x.ProcessId);
                    table.ForeignKey(
                        name: "FK_JurySettings_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JuryPanelMembers_ProcessId_UserId",
                schema: "app",
                table: "JuryPanelMembers",
                columns: new[] { "ProcessId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JuryPanelMembers_UserId",
                schema: "app",
                table: "JuryPanelMembers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JuryPanelMembers",
                schema: "app");

            migrationBuilder.DropTable(
                name: "JurySettings",
                schema: "app");
        }
    }
}
