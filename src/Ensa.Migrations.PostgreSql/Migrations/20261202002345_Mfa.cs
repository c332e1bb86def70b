using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Mfa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequiredTwoFactor",
                table: "Organizers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Off");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequiredTwoFactor",
                table: "Organizers");
        }
    }
}
