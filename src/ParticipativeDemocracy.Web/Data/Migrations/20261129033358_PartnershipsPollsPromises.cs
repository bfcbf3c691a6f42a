using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnershipsPollsPromises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HealthChecks",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Statements = table.Column<List<string>>(type: "text[]", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthChecks_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationPromises",
                schema: "app",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OfficerEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationPromises", x => x.ProcessId);
                    table.ForeignKey(
                        name: "FK_ParticipationPromises_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipFollowers",
                schema: "app",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    FollowedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipFollowers", x => new { x.ProcessId, x.Email });
                    table.ForeignKey(
                        name: "FK_PartnershipFollowers_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipMeetings",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Agenda = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Decisions = table.Column<List<string>>(type: "text[]", nullable: false),
                    MinutesPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipMeetings_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipMembers",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipMembers_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                schema: "app",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Statements = table.Column<List<string>>(type: "text[]", nullable: false),
                    MinGroupSize = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.ProcessId);
                    table.ForeignKey(
                        name: "FK_Partnerships_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollAnswerSheets",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlayerLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Answers = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollAnswerSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollAnswerSheets_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollRespondents",
                schema: "app",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    RespondentKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NotifyEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollRespondents", x => new { x.ProcessId, x.RespondentKey });
                    table.ForeignKey(
                        name: "FK_PollRespondents_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Polls",
                schema: "app",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LiveResults = table.Column<bool>(type: "boolean", nullable: false),
                    MinGroupSize = table.Column<int>(type: "integer", nullable: false),
                    Questions = table.Column<string>(type: "jsonb", nullable: false),
                    ManagerEmails = table.Column<List<string>>(type: "text[]", nullable: false),
                    ManagersResponse = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RespondedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Polls", x => x.ProcessId);
                    table.ForeignKey(
                        name: "FK_Polls_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HealthCheckAnswers",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HealthCheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Scores = table.Column<List<int>>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthCheckAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthCheckAnswers_HealthChecks_HealthCheckId",
                        column: x => x.HealthCheckId,
                        principalSchema: "app",
                        principalTable: "HealthChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PromiseItems",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OutcomeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EvidenceUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromiseItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PromiseItems_ParticipationPromises_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "ParticipationPromises",
                        principalColumn: "ProcessId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipActions",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipActions_PartnershipMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalSchema: "app",
                        principalTable: "PartnershipMeetings",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PartnershipActions_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HealthCheckParticipations",
                schema: "app",
                columns: table => new
                {
                    HealthCheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthCheckParticipations", x => new { x.HealthCheckId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_HealthCheckParticipations_HealthChecks_HealthCheckId",
                        column: x => x.HealthCheckId,
                        principalSchema: "app",
                        principalTable: "HealthChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HealthCheckParticipations_PartnershipMembers_MemberId",
                        column: x => x.MemberId,
                        principalSchema: "app",
                        principalTable: "PartnershipMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HealthCheckAnswers_HealthCheckId",
                schema: "app",
                table: "HealthCheckAnswers",
                column: "HealthCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthCheckParticipations_MemberId",
                schema: "app",
                table: "HealthCheckParticipations",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthChecks_ProcessId_Round",
                schema: "app",
                table: "HealthChecks",
                columns: new[] { "ProcessId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipActions_MeetingId",
                schema: "app",
                table: "PartnershipActions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipActions_ProcessId",
                schema: "app",
                table: "PartnershipActions",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipMeetings_ProcessId_HeldAt",
                schema: "app",
                table: "PartnershipMeetings",
                columns: new[] { "ProcessId", "HeldAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipMembers_ProcessId_Email",
                schema: "app",
                table: "PartnershipMembers",
                columns: new[] { "ProcessId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PollAnswerSheets_ProcessId",
                schema: "app",
                table: "PollAnswerSheets",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_PromiseItems_ProcessId_DueAt",
                schema: "app",
                table: "PromiseItems",
                columns: new[] { "ProcessId", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HealthCheckAnswers",
                schema: "app");

            migrationBuilder.DropTable(
                name: "HealthCheckParticipations",
                schema: "app");

            migrationBuilder.DropTable(
                name: "PartnershipActions",
                schema: "app");

            migrationBuilder.DropTable(
                name: "PartnershipFollowers",
                schema: "app");

            migrationBuilder.DropTable(
                name: "Partnerships",
                schema: "app");

            migrationBuilder.DropTable(
                name: "PollAnswerSheets",
                schema: "app");

            migrationBuilder.DropTable(
                name: "PollRespondents",
                schema: "app");

            migrationBuilder.DropTable(
                name: "Polls",
                schema: "app");

            migrationBuilder.DropTable(
                name: "PromiseItems",
                schema: "app");

            migrationBuilder.DropTable(
                name: "HealthChecks",
                schema: "app");

            migrationBuilder.DropTable(
                name: "PartnershipMembers",
                schema: "app");

            migrationBuilder.DropTable(
                name: "PartnershipMeetings",
                schema: "app");

            migrationBuilder.DropTable(
                name: "ParticipationPromises",
                schema: "app");
        }
    }
}
