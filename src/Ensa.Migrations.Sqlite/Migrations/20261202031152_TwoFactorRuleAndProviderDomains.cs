using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TwoFactorRuleAndProviderDomains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequiredTwoFactor",
                table: "Organizers",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Off");

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

            // Carry the domains of providers already configured over from the JSON list (written by hand: EF does not
            // move data). Until now two providers of one organizer could share a domain: one of them keeps it.
            migrationBuilder.Sql(
                """
                INSERT OR IGNORE INTO "IdentityProviderDomains" ("Id", "IdentityProviderId", "OrganizerId", "Name")
                SELECT hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
                       || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)),
                       p."Id", p."OrganizerId", d.value
                FROM "IdentityProviders" p, json_each(p."Domains") d;
                """);

            migrationBuilder.DropColumn(
                name: "Domains",
                table: "IdentityProviders");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdentityProviderDomains");

            migrationBuilder.DropColumn(
                name: "RequiredTwoFactor",
                table: "Organizers");

            migrationBuilder.AddColumn<string>(
                name: "Domains",
                table: "IdentityProviders",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
