using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data.Migrations;

/// <summary>The register of use: when use at a unit ended and whether the supplier removed the unit's data.</summary>
[DbContext(typeof(EnsaDbContext))]
[Migration("20261122040000_Register")]
public sealed class Register : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>("EndedOn", "ResourceUses", nullable: true);
        migrationBuilder.AddColumn<bool>("SupplierDataRemoved", "ResourceUses", nullable: true);
        migrationBuilder.AddColumn<string>("EndNote", "ResourceUses", maxLength: 1000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("EndNote", "ResourceUses");
        migrationBuilder.DropColumn("SupplierDataRemoved", "ResourceUses");
        migrationBuilder.DropColumn("EndedOn", "ResourceUses");
    }
}
