using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.PostgreSql.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "OrganisationUnits",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                table: "OrganisationUnits",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportedPersons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PrincipalNames = table.Column<string>(type: "text", nullable: false),
                    IsProtectedIdentity = table.Column<bool>(type: "boolean", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true)
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
