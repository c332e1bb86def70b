using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Decisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PendingConditions",
                table: "ResourceReviews",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PendingDecidedAt",
                table: "ResourceReviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingDecidedById",
                table: "ResourceReviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingDecidedByName",
                table: "ResourceReviews",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingDecision",
                table: "ResourceReviews",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PrefilledFromDescriptionVersion",
                table: "ResourceReviews",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SecurityWaivedAt",
                table: "ResourceReviews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SecurityWaivedById",
                table: "ResourceReviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityWaivedByName",
                table: "ResourceReviews",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityWaiverReason",
                table: "ResourceReviews",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PendingConditions",
                table: "ResourceReviews");

            migrationBuilder.DropColumn(
                name: "PendingDecidedAt",
                table: "ResourceReviews");

            migrationBuilder.DropColumn(
                name: "PendingDecidedById",
                table: "ResourceReviews");

            migrationBuilder.DropColumn(
                name: "PendingDecidedByName",
                table: "ResourceReviews");

            migrationBuilder.DropColumn(
                name: "PendingDecision",
                table: "ResourceReviews");

            migrationBuilder.DropColumn(
                name: "PrefilledFromDescriptionVersion",
                table: "ResourceReviews");

            migrationBuilder.DropColumn(
                name: "SecurityWaivedAt",
                table: "ResourceReviews");

            migrationBuilder.DropColumn(
                name: "SecurityWaivedById",
                table: "ResourceReviews");

            migrationBuilder.DropColumn(
                name: "SecurityWaivedByName",
                table: "ResourceReviews");

            migrationBuilder.DropColumn(
                name: "SecurityWaiverReason",
                table: "ResourceReviews");
        }
    }
}
