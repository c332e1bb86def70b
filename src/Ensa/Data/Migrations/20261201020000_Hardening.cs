using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data.Migrations;

/// <summary>Issue 8: shared catalogue facts change through proposals others see (who added an entry, and the proposed
/// changes to it); a rights task's link can be issued again. Provider-neutral, as the others.</summary>
[DbContext(typeof(EnsaDbContext))]
[Migration("20261201020000_Hardening")]
public sealed class Hardening : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("CreatedByOrganizerId", "LearningResources", nullable: true);

        migrationBuilder.CreateTable("ResourceChangeProposals", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ResourceId = t.Column<Guid>(nullable: false),
            ProposedByOrganizerId = t.Column<Guid>(nullable: false),
            ProposedByUserId = t.Column<Guid>(nullable: false),
            ProposedByName = t.Column<string>(maxLength: 200, nullable: false),
            ProposedAt = t.Column<DateTime>(nullable: false),
            BaseFacts = t.Column<string>(maxLength: 16000, nullable: false),
            ProposedFacts = t.Column<string>(maxLength: 16000, nullable: false),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            DecidedAt = t.Column<DateTime>(nullable: true),
            DecidedByName = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResourceChangeProposals", x => x.Id);
            t.ForeignKey("FK_ResourceChangeProposals_LearningResources_ResourceId", x => x.ResourceId, "LearningResources", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_ResourceChangeProposals_ResourceId", "ResourceChangeProposals", "ResourceId");

        migrationBuilder.AddColumn<DateTime>("LinkIssuedAt", "RightsTasks", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("LinkIssuedAt", "RightsTasks");
        migrationBuilder.DropTable("ResourceChangeProposals");
        migrationBuilder.DropColumn("CreatedByOrganizerId", "LearningResources");
    }
}
