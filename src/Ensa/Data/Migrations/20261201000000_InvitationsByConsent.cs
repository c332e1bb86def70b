using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data.Migrations;

/// <summary>Invitations grant nothing until accepted (the role waits on the invitation, the account is made or linked at
/// acceptance); suppliers' users are invited only by the platform admin or the supplier's own admin; the next sign-in
/// lands at the organizer last chosen; an objection's reason reaches the supplier only when the organizer shares it.</summary>
[DbContext(typeof(EnsaDbContext))]
[Migration("20261201000000_InvitationsByConsent")]
public sealed class InvitationsByConsent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // A new table rather than altered columns: SQLite cannot make a column nullable in place.
        migrationBuilder.CreateTable("OrganizerInvitations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            Role = t.Column<string>(maxLength: 40, nullable: true),
            OrganisationUnitId = t.Column<Guid>(nullable: true),
            Email = t.Column<string>(maxLength: 320, nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            InvitedByUserId = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            AcceptedAt = t.Column<DateTime>(nullable: true),
            UserId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OrganizerInvitations", x => x.Id);
            t.ForeignKey("FK_OrganizerInvitations_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_OrganizerInvitations_OrganisationUnits_OrganisationUnitId", x => x.OrganisationUnitId, "OrganisationUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_OrganizerInvitations_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        // Invitations made before this were granted their role when sent: they keep no role to grant.
        migrationBuilder.Sql("""
            INSERT INTO "OrganizerInvitations" ("Id", "OrganizerId", "Email", "DisplayName", "TokenHash", "InvitedByUserId", "CreatedAt", "ExpiresAt", "AcceptedAt", "UserId")
            SELECT "Id", "OrganizerId", "Email", '', "TokenHash", "InvitedByUserId", "CreatedAt", "ExpiresAt", "AcceptedAt", "UserId" FROM "Invitations"
            """);
        migrationBuilder.DropTable("Invitations");
        migrationBuilder.CreateIndex("IX_OrganizerInvitations_OrganizerId", "OrganizerInvitations", "OrganizerId");
        migrationBuilder.CreateIndex("IX_OrganizerInvitations_OrganisationUnitId", "OrganizerInvitations", "OrganisationUnitId");
        migrationBuilder.CreateIndex("IX_OrganizerInvitations_TokenHash", "OrganizerInvitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_OrganizerInvitations_UserId", "OrganizerInvitations", "UserId");

        migrationBuilder.CreateTable("SupplierInvitations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SupplierId = t.Column<Guid>(nullable: false),
            IsAdmin = t.Column<bool>(nullable: false),
            Email = t.Column<string>(maxLength: 320, nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            InvitedByUserId = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            AcceptedAt = t.Column<DateTime>(nullable: true),
            UserId = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SupplierInvitations", x => x.Id);
            t.ForeignKey("FK_SupplierInvitations_Suppliers_SupplierId", x => x.SupplierId, "Suppliers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_SupplierInvitations_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_SupplierInvitations_SupplierId", "SupplierInvitations", "SupplierId");
        migrationBuilder.CreateIndex("IX_SupplierInvitations_TokenHash", "SupplierInvitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_SupplierInvitations_UserId", "SupplierInvitations", "UserId");

        migrationBuilder.AddColumn<bool>("IsSupplierAdmin", "AspNetUsers", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<Guid>("LastOrganizerId", "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<bool>("ObjectionReasonShared", "Agreements", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("ObjectionReasonShared", "Agreements");
        migrationBuilder.DropColumn("LastOrganizerId", "AspNetUsers");
        migrationBuilder.DropColumn("IsSupplierAdmin", "AspNetUsers");
        migrationBuilder.DropTable("SupplierInvitations");
        // Back to the table of before (the invitations' role and typed name are lost).
        migrationBuilder.RenameTable("OrganizerInvitations", newName: "Invitations");
    }
}
