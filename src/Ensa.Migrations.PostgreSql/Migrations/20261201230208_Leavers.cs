using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Leavers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SuspendedMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganisationUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SuspendedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SuspendedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuspendedMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuspendedMemberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SuspendedMemberships_OrganisationUnits_OrganisationUnitId",
                        column: x => x.OrganisationUnitId,
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SuspendedMemberships_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SuspendedMemberships_OrganisationUnitId",
                table: "SuspendedMemberships",
                column: "OrganisationUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SuspendedMemberships_OrganizerId",
                table: "SuspendedMemberships",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_SuspendedMemberships_UserId_OrganizerId",
                table: "SuspendedMemberships",
                columns: new[] { "UserId", "OrganizerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SuspendedMemberships");
        }
    }
}
