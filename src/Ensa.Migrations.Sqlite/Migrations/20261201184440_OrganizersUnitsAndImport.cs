using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganizersUnitsAndImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrganisationUnits_OrganizerId",
                table: "OrganisationUnits");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeactivatedAt",
                table: "Organizers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "OrganisationUnits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                table: "OrganisationUnits",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportedPersons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PrincipalNames = table.Column<string>(type: "TEXT", nullable: false),
                    IsProtectedIdentity = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedPersons_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ImportedPersons_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationUnits_OrganizerId_SourceId",
                table: "OrganisationUnits",
                columns: new[] { "OrganizerId", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedPersons_OrganizerId_SourceId",
                table: "ImportedPersons",
                columns: new[] { "OrganizerId", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedPersons_UserId",
                table: "ImportedPersons",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportedPersons");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationUnits_OrganizerId_SourceId",
                table: "OrganisationUnits");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "Organizers");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "OrganisationUnits");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "OrganisationUnits");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationUnits_OrganizerId",
                table: "OrganisationUnits",
                column: "OrganizerId");
        }
    }
}
