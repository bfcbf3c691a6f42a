using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BudgetParticipation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImplementationStatus",
                schema: "app",
                table: "BudgetProjects",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                schema: "app",
                table: "BudgetProjects",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BudgetComments",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenReports = table.Column<int>(type: "integer", nullable: false),
                    HiddenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HiddenReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    HiddenById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalSchema: "app",
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BudgetComments_BudgetComments_ParentId",
                        column: x => x.ParentId,
                        principalSchema: "app",
                        principalTable: "BudgetComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.NoAction);
                    table.ForeignKey(
                        name: "FK_BudgetComments_BudgetProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalSchema: "app",
                        principalTable: "BudgetProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetFeedbackRuns",
                schema: "app",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Proposers = table.Column<int>(type: "integer", nullable: false),
                    Followers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetFeedbackRuns", x => x.ProcessId);
                    table.ForeignKey(
                        name: "FK_BudgetFeedbackRuns_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcessFollowers",
                schema: "app",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessFollowers", x => new { x.ProcessId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProcessFollowers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalSchema: "app",
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProcessFollowers_Processes_ProcessId",
                        column: x => x.ProcessId,
                        principalSchema: "app",
                        principalTable: "Processes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectFollowers",
                schema: "app",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectFollowers", x => new { x.ProjectId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProjectFollowers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalSchema: "app",
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectFollowers_BudgetProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalSchema: "app",
                        principalTable: "BudgetProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectUpdates",
                schema: "app",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Milestone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MilestoneDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PostedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectUpdates_BudgetProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalSchema: "app",
                        principalTable: "BudgetProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSupports",
                schema: "app",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSupports", x => new { x.ProjectId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProposalSupports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalSchema: "app",
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalSupports_BudgetProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalSchema: "app",
                        principalTable: "BudgetProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentReports",
                schema: "app",
                columns: table => new
                {
                    CommentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentReports", x => new { x.CommentId, x.ReporterId });
                    table.ForeignKey(
                        name: "FK_CommentReports_AspNetUsers_ReporterId",
                        column: x => x.ReporterId,
                        principalSchema: "app",
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentReports_BudgetComments_CommentId",
                        column: x => x.CommentId,
                        principalSchema: "app",
                        principalTable: "BudgetComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetComments_AuthorId",
                schema: "app",
                table: "BudgetComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetComments_OpenReports",
                schema: "app",
                table: "BudgetComments",
                column: "OpenReports",
                filter: "\"OpenReports\" > 0 AND \"HiddenAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetComments_ParentId",
                schema: "app",
                table: "BudgetComments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetComments_ProjectId_CreatedAt",
                schema: "app",
                table: "BudgetComments",
                columns: new[] { "ProjectId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_ReporterId",
                schema: "app",
                table: "CommentReports",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessFollowers_UserId",
                schema: "app",
                table: "ProcessFollowers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFollowers_UserId",
                schema: "app",
                table: "ProjectFollowers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectUpdates_ProjectId_PostedAt",
                schema: "app",
                table: "ProjectUpdates",
                columns: new[] { "ProjectId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSupports_ProcessId",
                schema: "app",
                table: "ProposalSupports",
                column: "ProcessId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSupports_UserId",
                schema: "app",
                table: "ProposalSupports",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetFeedbackRuns",
                schema: "app");

            migrationBuilder.DropTable(
                name: "CommentReports",
                schema: "app");

            migrationBuilder.DropTable(
                name: "ProcessFollowers",
                schema: "app");

            migrationBuilder.DropTable(
                name: "ProjectFollowers",
                schema: "app");

            migrationBuilder.DropTable(
                name: "ProjectUpdates",
                schema: "app");

            migrationBuilder.DropTable(
                name: "ProposalSupports",
                schema: "app");

            migrationBuilder.DropTable(
                name: "BudgetComments",
                schema: "app");

            migrationBuilder.DropColumn(
                name: "ImplementationStatus",
                schema: "app",
                table: "BudgetProjects");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                schema: "app",
                table: "BudgetProjects");
        }
    }
}
