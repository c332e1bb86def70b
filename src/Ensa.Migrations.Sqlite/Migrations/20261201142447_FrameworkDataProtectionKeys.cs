using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.Sqlite.Migrations
{
    /// <summary>The framework's data-protection key table (int key) instead of Ensa's own (Guid key). Written by hand
    /// over the generated shape: the keys are copied, so nobody is signed out and no form token breaks.</summary>
    public partial class FrameworkDataProtectionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable("DataProtectionKeys", newName: "DataProtectionKeysBefore");
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
            migrationBuilder.Sql("""
                INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") SELECT "FriendlyName", "Xml" FROM "DataProtectionKeysBefore";
                """);
            migrationBuilder.DropTable("DataProtectionKeysBefore");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable("DataProtectionKeys", newName: "DataProtectionKeysAfter");
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
            migrationBuilder.Sql("""
                INSERT INTO "DataProtectionKeys" ("Id", "FriendlyName", "Xml")
                SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21)),
                       "FriendlyName", coalesce("Xml", '')
                  FROM (SELECT hex(randomblob(16)) AS h, "FriendlyName", "Xml" FROM "DataProtectionKeysAfter");
                """);
            migrationBuilder.DropTable("DataProtectionKeysAfter");
        }
    }
}
