using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data.Migrations;

/// <summary>Written by hand, provider-neutral (no store types): the EF Design package cannot be restored here.
/// SchemaEquivalenceTests compares the result with EnsureCreated on SQLite and PostgreSQL.</summary>
[DbContext(typeof(EnsaDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("AuditEntries", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: true),
            At = t.Column<DateTime>(nullable: false),
            ActorUserId = t.Column<Guid>(nullable: true),
            ActorName = t.Column<string>(maxLength: 200, nullable: true),
            EntityType = t.Column<string>(maxLength: 100, nullable: false),
            EntityId = t.Column<string>(maxLength: 200, nullable: false),
            Action = t.Column<string>(maxLength: 20, nullable: false),
            Changes = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));

        migrationBuilder.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            FriendlyName = t.Column<string>(maxLength: 200, nullable: true),
            Xml = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateTable("JobLeases", t => new
        {
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Holder = t.Column<string>(maxLength: 200, nullable: true),
            ExpiresAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_JobLeases", x => x.Name));

        migrationBuilder.CreateTable("Organizers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Slug = t.Column<string>(maxLength: 40, nullable: false),
            OrganisationNumber = t.Column<string>(maxLength: 11, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            ControllerName = t.Column<string>(maxLength: 200, nullable: false),
            DataProtectionOfficerName = t.Column<string>(maxLength: 200, nullable: true),
            DataProtectionOfficerEmail = t.Column<string>(maxLength: 320, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Organizers", x => x.Id));

        migrationBuilder.CreateTable("OutboxMessages", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            To = t.Column<string>(maxLength: 320, nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            TextBody = t.Column<string>(nullable: false),
            HtmlBody = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            Attempts = t.Column<int>(nullable: false),
            LastError = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OutboxMessages", x => x.Id));

        migrationBuilder.CreateTable("Suppliers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            OrganisationNumber = t.Column<string>(maxLength: 11, nullable: true),
            ForeignRegistration = t.Column<string>(maxLength: 100, nullable: true),
            CountryCode = t.Column<string>(maxLength: 2, nullable: false),
            ContactName = t.Column<string>(maxLength: 200, nullable: false),
            ContactEmail = t.Column<string>(maxLength: 320, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Suppliers", x => x.Id));

        migrationBuilder.CreateTable("OrganisationUnits", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            ParentId = t.Column<Guid>(nullable: true),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            SchoolUnitCode = t.Column<string>(maxLength: 8, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OrganisationUnits", x => x.Id);
            t.ForeignKey("FK_OrganisationUnits_OrganisationUnits_ParentId", x => x.ParentId, "OrganisationUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_OrganisationUnits_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            SupplierId = t.Column<Guid>(nullable: true),
            IsPlatformAdmin = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUsers", x => x.Id);
            t.ForeignKey("FK_AspNetUsers_Suppliers_SupplierId", x => x.SupplierId, "Suppliers", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("AspNetUserClaims", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            UserId = t.Column<Guid>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("Invitations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            Email = t.Column<string>(maxLength: 320, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            InvitedByUserId = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            AcceptedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Invitations", x => x.Id);
            t.ForeignKey("FK_Invitations_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Invitations_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("Memberships", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            Role = t.Column<string>(maxLength: 40, nullable: false),
            OrganisationUnitId = t.Column<Guid>(nullable: true),
            GrantedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Memberships", x => x.Id);
            t.ForeignKey("FK_Memberships_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Memberships_OrganisationUnits_OrganisationUnitId", x => x.OrganisationUnitId, "OrganisationUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Memberships_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("IX_AspNetUsers_SupplierId", "AspNetUsers", "SupplierId");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("IX_AuditEntries_OrganizerId_At", "AuditEntries", ["OrganizerId", "At"]);
        migrationBuilder.CreateIndex("IX_Invitations_OrganizerId", "Invitations", "OrganizerId");
        migrationBuilder.CreateIndex("IX_Invitations_TokenHash", "Invitations", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_Invitations_UserId", "Invitations", "UserId");
        migrationBuilder.CreateIndex("IX_Memberships_OrganisationUnitId", "Memberships", "OrganisationUnitId");
        migrationBuilder.CreateIndex("IX_Memberships_OrganizerId", "Memberships", "OrganizerId");
        migrationBuilder.CreateIndex("IX_Memberships_UserId_OrganizerId", "Memberships", ["UserId", "OrganizerId"]);
        migrationBuilder.CreateIndex("IX_OrganisationUnits_OrganizerId", "OrganisationUnits", "OrganizerId");
        migrationBuilder.CreateIndex("IX_OrganisationUnits_ParentId", "OrganisationUnits", "ParentId");
        migrationBuilder.CreateIndex("IX_OrganisationUnits_SchoolUnitCode", "OrganisationUnits", "SchoolUnitCode", unique: true);
        migrationBuilder.CreateIndex("IX_Organizers_OrganisationNumber", "Organizers", "OrganisationNumber", unique: true);
        migrationBuilder.CreateIndex("IX_Organizers_Slug", "Organizers", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_OutboxMessages_SentAt_NextAttemptAt", "OutboxMessages", ["SentAt", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_Suppliers_Name", "Suppliers", "Name");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "Invitations", "Memberships",
                     "AuditEntries", "DataProtectionKeys", "JobLeases", "OutboxMessages", "OrganisationUnits",
                     "AspNetUsers", "Organizers", "Suppliers",
                 })
            migrationBuilder.DropTable(table);
    }
}
