using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ensa.Migrations.PostgreSql.Migrations
{
    /// <summary>The framework's data-protection key table (int key) instead of Ensa's own (Guid key). Written by hand
    /// over the generated shape: the keys are copied, so nobody is signed out and no form token breaks.</summary>
    public partial class FrameworkDataProtectionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey("PK_DataProtectionKeys", "DataProtectionKeys");
            migrationBuilder.RenameTable("DataProtectionKeys", newName: "DataProtectionKeysBefore");
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
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
            migrationBuilder.DropPrimaryKey("PK_DataProtectionKeys", "DataProtectionKeys");
            migrationBuilder.RenameTable("DataProtectionKeys", newName: "DataProtectionKeysAfter");
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
            migrationBuilder.Sql("""
                INSERT INTO "DataProtectionKeys" ("Id", "FriendlyName", "Xml")
                SELECT gen_random_uuid(), left("FriendlyName", 200), coalesce("Xml", '') FROM "DataProtectionKeysAfter";
                """);
            migrationBuilder.DropTable("DataProtectionKeysAfter");
        }
    }
}
