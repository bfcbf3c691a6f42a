using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JuryDeliberation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeliberationRounds",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliberationRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliberationRounds_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WitnessName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Statement = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JuryFollowers",
                schema: "app",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    FollowedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryFollowers", x => new { x.ProcessId, x.UserId });
                    table.ForeignKey(
                        name: "FK_JuryFollowers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalSchema: "app",
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JuryFollowers_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JurySessions",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CurrentAgendaItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    SpeakerLimitSeconds = table.Column<int>(type: "integer", nullable: false),
                    SpeakerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SpeakerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FloorGivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StateVersion = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurySessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JurySessions_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DraftedById = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ThresholdPercent = table.Column<int>(type: "integer", nullable: false),
                    VoteOpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VoteClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Support = table.Column<int>(type: "integer", nullable: false),
                    Oppose = table.Column<int>(type: "integer", nullable: false),
                    Abstain = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WitnessQuestions",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    WitnessName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AskedById = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WitnessQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WitnessQuestions_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundContributions",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Stance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundContributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundContributions_DeliberationRounds_RoundId",
                        column: x => x.RoundId,
                        principalSchema: "app",
                        principalTable: "DeliberationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_JurySessions_SessionId",
                        column: x => x.SessionId,
                        principalSchema: "app",
                        principalTable: "JurySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomConnections",
                schema: "app",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsFacilitator = table.Column<bool>(type: "boolean", nullable: false),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomConnections", x => x.ConnectionId);
                    table.ForeignKey(
                        name: "FK_RoomConnections_JurySessions_SessionId",
                        column: x => x.SessionId,
                        principalSchema: "app",
                        principalTable: "JurySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionRecord",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionRecord_JurySessions_SessionId",
                        column: x => x.SessionId,
                        principalSchema: "app",
                        principalTable: "JurySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpeakerQueue",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerQueue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakerQueue_JurySessions_SessionId",
                        column: x => x.SessionId,
                        principalSchema: "app",
                        principalTable: "JurySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrawPolls",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Options = table.Column<List<string>>(type: "text[]", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrawPolls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrawPolls_JurySessions_SessionId",
                        column: x => x.SessionId,
                        principalSchema: "app",
                        principalTable: "JurySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationResponses",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Timeline = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationResponses_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "app",
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationVotes",
                schema: "app",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Choice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationVotes", x => new { x.RecommendationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_RecommendationVotes_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "app",
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrawPollVotes",
                schema: "app",
                columns: table => new
                {
                    PollId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Option = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrawPollVotes", x => new { x.PollId, x.UserId });
                    table.ForeignKey(
                        name: "FK_StrawPollVotes_StrawPolls_PollId",
                        column: x => x.PollId,
                        principalSchema: "app",
                        principalTable: "StrawPolls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SessionId_Position",
                schema: "app",
                table: "AgendaItems",
                columns: new[] { "SessionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliberationRounds_ClosesAt",
                schema: "app",
                table: "DeliberationRounds",
                column: "ClosesAt",
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliberationRounds_ProcessId",
                schema: "app",
                table: "DeliberationRounds",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ProcessId",
                schema: "app",
                table: "Evidence",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_JuryFollowers_UserId",
                schema: "app",
                table: "JuryFollowers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_JurySessions_ProcessId",
                schema: "app",
                table: "JurySessions",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationResponses_RecommendationId",
                schema: "app",
                table: "RecommendationResponses",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ProcessId_Code",
                schema: "app",
                table: "Recommendations",
                columns: new[] { "ProcessId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoomConnections_SessionId",
                schema: "app",
                table: "RoomConnections",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundContributions_RoundId",
                schema: "app",
                table: "RoundContributions",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionRecord_SessionId",
                schema: "app",
                table: "SessionRecord",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerQueue_SessionId_UserId",
                schema: "app",
                table: "SpeakerQueue",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrawPolls_SessionId",
                schema: "app",
                table: "StrawPolls",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_WitnessQuestions_ProcessId",
                schema: "app",
                table: "WitnessQuestions",
                column: "ProcessId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaItems",
                schema: "app");

            migrationBuilder.DropTable(
                name: "Evidence",
                schema: "app");

            migrationBuilder.DropTable(
                name: "JuryFollowers",
                schema: "app");

            migrationBuilder.DropTable(
                name: "RecommendationResponses",
                schema: "app");

            migrationBuilder.DropTable(
                name: "RecommendationVotes",
                schema: "app");

            migrationBuilder.DropTable(
                name: "RoomConnections",
                schema: "app");

            migrationBuilder.DropTable(
                name: "RoundContributions",
                schema: "app");

            migrationBuilder.DropTable(
                name: "SessionRecord",
                schema: "app");

            migrationBuilder.DropTable(
                name: "SpeakerQueue",
                schema: "app");

            migrationBuilder.DropTable(
                name: "StrawPollVotes",
                schema: "app");

            migrationBuilder.DropTable(
                name: "WitnessQuestions",
                schema: "app");

            migrationBuilder.DropTable(
                name: "Recommendations",
                schema: "app");

            migrationBuilder.DropTable(
                name: "DeliberationRounds",
                schema: "app");

            migrationBuilder.DropTable(
                name: "StrawPolls",
                schema: "app");

            migrationBuilder.DropTable(
                name: "JurySessions",
                schema: "app");
        }
    }
}
