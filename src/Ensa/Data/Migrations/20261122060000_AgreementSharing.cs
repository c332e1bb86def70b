using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data.Migrations;

/// <summary>An organizer may share its signed agreement with other organizers' agreement staff.</summary>
[DbContext(typeof(EnsaDbContext))]
[Migration("20261122060000_AgreementSharing")]
public sealed class AgreementSharing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>("SharedWithOtherOrganizers", "Agreements", nullable: false, defaultValue: false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("SharedWithOtherOrganizers", "Agreements");
}
