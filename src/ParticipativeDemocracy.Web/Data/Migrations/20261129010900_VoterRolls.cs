using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class VoterRolls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VoterRolls",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProcessedRows = table.Column<int>(type: "integer", nullable: false),
                    AcceptedRows = table.Column<int>(type: "integer", nullable: false),
                    RejectedRows = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoterRolls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoterRolls_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalSchema: "app",
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VoterRolls_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "VoterRollEntries",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RollId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferenceHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MatchHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoterRollEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoterRollEntries_VoterRolls_RollId",
                        column: x => x.RollId,
                        principalSchema: "app",
                        principalTable: "VoterRolls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoterRollProblems",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RollId = table.Column<Guid>(type: "uuid", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoterRollProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoterRollProblems_VoterRolls_RollId",
                        column: x => x.RollId,
                        principalSchema: "app",
                        principalTable: "VoterRolls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoterRollUploads",
                schema: "app",
                columns: table => new
                {
                    RollId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoterRollUploads", x => x.RollId);
                    table.ForeignKey(
                        name: "FK_VoterRollUploads_VoterRolls_RollId",
                        column: x => x.RollId,
                        principalSchema: "app",
                        principalTable: "VoterRolls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RollVerifications",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RollId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollVerifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RollVerifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalSchema: "app",
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RollVerifications_VoterRollEntries_EntryId",
                        column: x => x.EntryId,
                        principalSchema: "app",
                        principalTable: "VoterRollEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RollVerifications_EntryId",
                schema: "app",
                table: "RollVerifications",
                column: "EntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RollVerifications_RollId_UserId",
                schema: "app",
                table: "RollVerifications",
                columns: new[] { "RollId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RollVerifications_UserId",
                schema: "app",
                table: "RollVerifications",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_VoterRollEntries_RollId_MatchHash",
                schema: "app",
                table: "VoterRollEntries",
                columns: new[] { "RollId", "MatchHash" });

            migrationBuilder.CreateIndex(
                name: "IX_VoterRollEntries_RollId_ReferenceHash",
                schema: "app",
                table: "VoterRollEntries",
                columns: new[] { "RollId", "ReferenceHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoterRollProblems_RollId_RowNumber",
                schema: "app",
                table: "VoterRollProblems",
                columns: new[] { "RollId", "RowNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_VoterRolls_OrganisationId",
                schema: "app",
                table: "VoterRolls",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_VoterRolls_ProcessId",
                schema: "app",
                table: "VoterRolls",
                column: "ProcessId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RollVerifications",
                schema: "app");

            migrationBuilder.DropTable(
                name: "VoterRollProblems",
                schema: "app");

            migrationBuilder.DropTable(
                name: "VoterRollUploads",
                schema: "app");

            migrationBuilder.DropTable(
                name: "VoterRollEntries",
                schema: "app");

            migrationBuilder.DropTable(
                name: "VoterRolls",
                schema: "app");
        }
    }
}
