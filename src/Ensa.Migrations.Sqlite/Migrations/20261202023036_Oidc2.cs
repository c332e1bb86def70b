using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Oidc2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Domains",
                table: "IdentityProviders");

            migrationBuilder.CreateTable(
                name: "IdentityProviderDomains",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdentityProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityProviderDomains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdentityProviderDomains_IdentityProviders_IdentityProviderId",
                        column: x => x.IdentityProviderId,
                        principalTable: "IdentityProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdentityProviderDomains_IdentityProviderId",
                table: "IdentityProviderDomains",
                column: "IdentityProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityProviderDomains_Name",
                table: "IdentityProviderDomains",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentityProviderDomains");

            migrationBuilder.AddColumn<string>(
                name: "Domains",
                table: "IdentityProviders",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
