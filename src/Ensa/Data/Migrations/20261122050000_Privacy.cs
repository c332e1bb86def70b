using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data.Migrations;

/// <summary>Acting on people's rights: removal and access requests, the units they name, and one task per resource in
/// use there. Provider-neutral, as the others.</summary>
[DbContext(typeof(EnsaDbContext))]
[Migration("20261122050000_Privacy")]
public sealed class Privacy : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("RightsRequests", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            CaseReference = t.Column<string>(maxLength: 100, nullable: false),
            ReceivedOn = t.Column<DateOnly>(nullable: false),
            Deadline = t.Column<DateOnly>(nullable: false),
            CreatedByUserId = t.Column<Guid>(nullable: false),
            CreatedByName = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ClosedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RightsRequests", x => x.Id);
            t.ForeignKey("FK_RightsRequests_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_RightsRequests_AspNetUsers_CreatedByUserId", x => x.CreatedByUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("RightsRequestUnits", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            RightsRequestId = t.Column<Guid>(nullable: false),
            SchoolUnitId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RightsRequestUnits", x => x.Id);
            t.ForeignKey("FK_RightsRequestUnits_RightsRequests_RightsRequestId", x => x.RightsRequestId, "RightsRequests", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_RightsRequestUnits_OrganisationUnits_SchoolUnitId", x => x.SchoolUnitId, "OrganisationUnits", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("RightsTasks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            RightsRequestId = t.Column<Guid>(nullable: false),
            ResourceRequestId = t.Column<Guid>(nullable: false),
            SchoolUnitId = t.Column<Guid>(nullable: false),
            ResourceId = t.Column<Guid>(nullable: false),
            AdministratorName = t.Column<string>(maxLength: 200, nullable: false),
            AdministratorEmail = t.Column<string>(maxLength: 320, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            Answer = t.Column<string>(maxLength: 4000, nullable: true),
            AnsweredBy = t.Column<string>(maxLength: 200, nullable: true),
            AnsweredAt = t.Column<DateTime>(nullable: true),
            RemindedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RightsTasks", x => x.Id);
            t.ForeignKey("FK_RightsTasks_RightsRequests_RightsRequestId", x => x.RightsRequestId, "RightsRequests", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_RightsTasks_ResourceRequests_ResourceRequestId", x => x.ResourceRequestId, "ResourceRequests", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_RightsTasks_OrganisationUnits_SchoolUnitId", x => x.SchoolUnitId, "OrganisationUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_RightsTasks_LearningResources_ResourceId", x => x.ResourceId, "LearningResources", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateIndex("IX_RightsRequests_CreatedByUserId", "RightsRequests", "CreatedByUserId");
        migrationBuilder.CreateIndex("IX_RightsRequests_OrganizerId_ClosedAt", "RightsRequests", ["OrganizerId", "ClosedAt"]);
        migrationBuilder.CreateIndex("IX_RightsRequestUnits_RightsRequestId_SchoolUnitId", "RightsRequestUnits", ["RightsRequestId", "SchoolUnitId"], unique: true);
        migrationBuilder.CreateIndex("IX_RightsRequestUnits_SchoolUnitId", "RightsRequestUnits", "SchoolUnitId");
        migrationBuilder.CreateIndex("IX_RightsTasks_TokenHash", "RightsTasks", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_RightsTasks_Status_RightsRequestId", "RightsTasks", ["Status", "RightsRequestId"]);
        migrationBuilder.CreateIndex("IX_RightsTasks_RightsRequestId", "RightsTasks", "RightsRequestId");
        migrationBuilder.CreateIndex("IX_RightsTasks_ResourceRequestId", "RightsTasks", "ResourceRequestId");
        migrationBuilder.CreateIndex("IX_RightsTasks_SchoolUnitId", "RightsTasks", "SchoolUnitId");
        migrationBuilder.CreateIndex("IX_RightsTasks_ResourceId", "RightsTasks", "ResourceId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "RightsTasks", "RightsRequestUnits", "RightsRequests" })
            migrationBuilder.DropTable(table);
    }
}
