using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data.Migrations;

/// <summary>The public list: each organizer's publishing settings, its guidance per resource, and an index for the
/// latest decision per resource. Provider-neutral, as the others.</summary>
[DbContext(typeof(EnsaDbContext))]
[Migration("20261122030000_PublicList")]
public sealed class PublicList : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("PublicListSettings", t => new
        {
            OrganizerId = t.Column<Guid>(nullable: false),
            Fields = t.Column<string>(maxLength: 200, nullable: false),
            ShowNotApproved = t.Column<bool>(nullable: false),
            Intro = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PublicListSettings", x => x.OrganizerId);
            t.ForeignKey("FK_PublicListSettings_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("ResourceGuidance", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            ResourceId = t.Column<Guid>(nullable: false),
            HowToStart = t.Column<string>(maxLength: 4000, nullable: true),
            Guidelines = t.Column<string>(maxLength: 4000, nullable: true),
            Links = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResourceGuidance", x => x.Id);
            t.ForeignKey("FK_ResourceGuidance_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ResourceGuidance_LearningResources_ResourceId", x => x.ResourceId, "LearningResources", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateIndex("IX_ResourceGuidance_OrganizerId_ResourceId", "ResourceGuidance", ["OrganizerId", "ResourceId"], unique: true);
        migrationBuilder.CreateIndex("IX_ResourceGuidance_ResourceId", "ResourceGuidance", "ResourceId");
        migrationBuilder.CreateIndex("IX_ResourceReviews_OrganizerId_ResourceId_DecidedAt", "ResourceReviews", ["OrganizerId", "ResourceId", "DecidedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ResourceReviews_OrganizerId_ResourceId_DecidedAt", "ResourceReviews");
        migrationBuilder.DropTable("ResourceGuidance");
        migrationBuilder.DropTable("PublicListSettings");
    }
}
