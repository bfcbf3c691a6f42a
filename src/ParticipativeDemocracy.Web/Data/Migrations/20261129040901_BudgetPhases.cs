using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParticipativeDemocracy.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BudgetPhases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CurrentPhase",
                schema: "app",
                table: "BudgetSettings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ImplementationOpensAt",
                schema: "app",
                table: "BudgetSettings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PhaseChangedAt",
                schema: "app",
                table: "BudgetSettings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProposalsOpenAt",
                schema: "app",
                table: "BudgetSettings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewOpensAt",
                schema: "app",
                table: "BudgetSettings",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CurrentPhase",
                schema: "app",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "ImplementationOpensAt",
                schema: "app",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "PhaseChangedAt",
                schema: "app",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "ProposalsOpenAt",
                schema: "app",
                table: "BudgetSettings");

            migrationBuilder.DropColumn(
                name: "ReviewOpensAt",
                schema: "app",
                table: "BudgetSettings");
        }
    }
}
