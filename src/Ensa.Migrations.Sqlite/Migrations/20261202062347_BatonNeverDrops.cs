using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BatonNeverDrops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PendingConditions",
                table: "ResourceReviews",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PendingDecidedAt",
                table: "ResourceReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingDecidedById",
                table: "ResourceReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingDecidedByName",
                table: "ResourceReviews",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingDecision",
                table: "ResourceReviews",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PrefilledFromDescriptionVersion",
                table: "ResourceReviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SecurityWaivedAt",
                table: "ResourceReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SecurityWaivedById",
                table: "ResourceReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityWaivedByName",
                table: "ResourceReviews",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecurityWaiverReason",
                table: "ResourceReviews",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DailyDigest",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastDigestAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TaskReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WaitingSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskReminders_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskReminders_Kind_SubjectId_WaitingSince_Escalated",
                table: "TaskReminders",
                columns: new[] { "Kind", "SubjectId", "WaitingSince", "Escalated" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskReminders_OrganizerId",
                table: "TaskReminders",
                column: "OrganizerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaskReminders");

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

            migrationBuilder.DropColumn(
                name: "DailyDigest",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastDigestAt",
                table: "AspNetUsers");
        }
    }
}
