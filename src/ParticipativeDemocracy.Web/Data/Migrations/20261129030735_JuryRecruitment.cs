using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JuryRecruitment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Algorithm",
                schema: "app",
                table: "JurySettings",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ConfigurationVersion",
                schema: "app",
                table: "JurySettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecruitmentClosesAt",
                schema: "app",
                table: "JurySettings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecruitmentOpensAt",
                schema: "app",
                table: "JurySettings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResponseDays",
                schema: "app",
                table: "JurySettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "JuryDraws",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    PanelSize = table.Column<int>(type: "integer", nullable: false),
                    CategoriesCsv = table.Column<string>(type: "text", nullable: false),
                    RespondentsCsv = table.Column<string>(type: "text", nullable: false),
                    InputHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Progress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    Conflicts = table.Column<List<string>>(type: "text[]", nullable: false),
                    Relaxation = table.Column<string>(type: "jsonb", nullable: true),
                    Panel = table.Column<List<string>>(type: "text[]", nullable: false),
                    Probabilities = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    MinProbability = table.Column<double>(type: "double precision", nullable: true),
                    LotterySize = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryDraws_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JuryQuotas",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Min = table.Column<int>(type: "integer", nullable: false),
                    Max = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryQuotas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryQuotas_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JuryVolunteers",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Features = table.Column<string>(type: "jsonb", nullable: false),
                    AddressLine1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Consent = table.Column<bool>(type: "boolean", nullable: false),
                    Availability = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AccessNeeds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DrawId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryVolunteers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryVolunteers_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JuryInvitations",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeadlineAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Replaced = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryInvitations_JuryVolunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalSchema: "app",
                        principalTable: "JuryVolunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JuryInvitations_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JuryDraws_OneActive",
                schema: "app",
                table: "JuryDraws",
                column: "ProcessId",
                unique: true,
                filter: "\"Status\" IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "IX_JuryInvitations_ProcessId_VolunteerId",
                schema: "app",
                table: "JuryInvitations",
                columns: new[] { "ProcessId", "VolunteerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JuryInvitations_TokenHash",
                schema: "app",
                table: "JuryInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JuryInvitations_VolunteerId",
                schema: "app",
                table: "JuryInvitations",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_JuryQuotas_ProcessId_Category_Value",
                schema: "app",
                table: "JuryQuotas",
                columns: new[] { "ProcessId", "Category", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JuryVolunteers_ProcessId_Email",
                schema: "app",
                table: "JuryVolunteers",
                columns: new[] { "ProcessId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JuryVolunteers_ProcessId_Reference",
                schema: "app",
                table: "JuryVolunteers",
                columns: new[] { "ProcessId", "Reference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JuryDraws",
                schema: "app");

            migrationBuilder.DropTable(
                name: "JuryInvitations",
                schema: "app");

            migrationBuilder.DropTable(
                name: "JuryQuotas",
                schema: "app");

            migrationBuilder.DropTable(
                name: "JuryVolunteers",
                schema: "app");

            migrationBuilder.DropColumn(
                name: "Algorithm",
                schema: "app",
                table: "JurySettings");

            migrationBuilder.DropColumn(
                name: "ConfigurationVersion",
                schema: "app",
                table: "JurySettings");

            migrationBuilder.DropColumn(
                name: "RecruitmentClosesAt",
                schema: "app",
                table: "JurySettings");

            migrationBuilder.DropColumn(
                name: "RecruitmentOpensAt",
                schema: "app",
                table: "JurySettings");

            migrationBuilder.DropColumn(
                name: "ResponseDays",
                schema: "app",
                table: "JurySettings");
        }
    }
}
