using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data.Migrations;

/// <summary>Learning resources and the request-to-use process: requests with their timeline, reviews, purchases,
/// use at a unit, framework agreements and notifications. Provider-neutral, as the first.</summary>
[DbContext(typeof(EnsaDbContext))]
[Migration("20261122010000_Requests")]
public sealed class Requests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("LearningResources", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            SupplierId = t.Column<Guid>(nullable: true),
            Type = t.Column<string>(maxLength: 40, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: false),
            WebAddress = t.Column<string>(maxLength: 500, nullable: true),
            AppStoreLinks = t.Column<string>(maxLength: 1000, nullable: true),
            Platforms = t.Column<string>(maxLength: 200, nullable: true),
            SchoolForms = t.Column<string>(maxLength: 200, nullable: false),
            Grades = t.Column<string>(maxLength: 100, nullable: true),
            Subjects = t.Column<string>(maxLength: 500, nullable: true),
            SignInMethods = t.Column<string>(maxLength: 200, nullable: false),
            ProcessesPersonalData = t.Column<bool>(nullable: false),
            Pricing = t.Column<string>(maxLength: 40, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_LearningResources", x => x.Id);
            t.ForeignKey("FK_LearningResources_Suppliers_SupplierId", x => x.SupplierId, "Suppliers", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("FrameworkAgreements", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Active = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_FrameworkAgreements", x => x.Id);
            t.ForeignKey("FK_FrameworkAgreements_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("ResourceRequests", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            SchoolUnitId = t.Column<Guid>(nullable: false),
            RequesterId = t.Column<Guid>(nullable: false),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            SubmittedAt = t.Column<DateTime>(nullable: true),
            ReviewQueuedAt = t.Column<DateTime>(nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            ResourceId = t.Column<Guid>(nullable: true),
            ProposedName = t.Column<string>(maxLength: 200, nullable: true),
            ProposedSupplier = t.Column<string>(maxLength: 200, nullable: true),
            ProposedWebAddress = t.Column<string>(maxLength: 500, nullable: true),
            Need = t.Column<string>(maxLength: 4000, nullable: false),
            Users = t.Column<string>(maxLength: 100, nullable: false),
            Grades = t.Column<string>(maxLength: 100, nullable: true),
            ApproxUsers = t.Column<int>(nullable: true),
            PersonalData = t.Column<string>(maxLength: 4000, nullable: true),
            ProtectedIdentity = t.Column<string>(maxLength: 40, nullable: false),
            SignInMethod = t.Column<string>(maxLength: 200, nullable: false),
            Paid = t.Column<bool>(nullable: false),
            Cost = t.Column<decimal>(nullable: true),
            LicencePeriod = t.Column<string>(maxLength: 200, nullable: true),
            IsBookWithDigitalPart = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResourceRequests", x => x.Id);
            t.ForeignKey("FK_ResourceRequests_AspNetUsers_RequesterId", x => x.RequesterId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceRequests_LearningResources_ResourceId", x => x.ResourceId, "LearningResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceRequests_OrganisationUnits_SchoolUnitId", x => x.SchoolUnitId, "OrganisationUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceRequests_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("RequestEvents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            RequestId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            ActorUserId = t.Column<Guid>(nullable: false),
            ActorName = t.Column<string>(maxLength: 200, nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Comment = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RequestEvents", x => x.Id);
            t.ForeignKey("FK_RequestEvents_ResourceRequests_RequestId", x => x.RequestId, "ResourceRequests", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("ResourceReviews", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            RequestId = t.Column<Guid>(nullable: false),
            ResourceId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            PedagogicalAssessment = t.Column<string>(maxLength: 4000, nullable: true),
            Accessibility = t.Column<string>(maxLength: 40, nullable: false),
            AccessibilityNotes = t.Column<string>(maxLength: 4000, nullable: true),
            PersonalDataCategories = t.Column<string>(maxLength: 4000, nullable: true),
            SensitiveData = t.Column<bool>(nullable: false),
            ThirdCountryTransfer = t.Column<bool>(nullable: false),
            ThirdCountryNotes = t.Column<string>(maxLength: 4000, nullable: true),
            SuitableForProtectedIdentity = t.Column<string>(maxLength: 40, nullable: false),
            ScreeningChildren = t.Column<bool>(nullable: false),
            ScreeningLargeScale = t.Column<bool>(nullable: false),
            ScreeningNewTechnology = t.Column<bool>(nullable: false),
            ScreeningSystematicMonitoring = t.Column<bool>(nullable: false),
            DpiaNeeded = t.Column<bool>(nullable: false),
            AgreementNeed = t.Column<string>(maxLength: 40, nullable: false),
            ReviewerId = t.Column<Guid>(nullable: true),
            ReviewerName = t.Column<string>(maxLength: 200, nullable: true),
            ReviewedAt = t.Column<DateTime>(nullable: true),
            SecurityAssessment = t.Column<string>(maxLength: 4000, nullable: true),
            SecurityCoordinatorId = t.Column<Guid>(nullable: true),
            SecurityCoordinatorName = t.Column<string>(maxLength: 200, nullable: true),
            SecurityAssessedAt = t.Column<DateTime>(nullable: true),
            Decision = t.Column<string>(maxLength: 40, nullable: true),
            Conditions = t.Column<string>(maxLength: 4000, nullable: true),
            Reason = t.Column<string>(maxLength: 4000, nullable: true),
            DecidedById = t.Column<Guid>(nullable: true),
            DecidedByName = t.Column<string>(maxLength: 200, nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            Shared = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResourceReviews", x => x.Id);
            t.ForeignKey("FK_ResourceReviews_LearningResources_ResourceId", x => x.ResourceId, "LearningResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceReviews_ResourceRequests_RequestId", x => x.RequestId, "ResourceRequests", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("Purchases", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            RequestId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            FrameworkAgreementId = t.Column<Guid>(nullable: true),
            Licences = t.Column<int>(nullable: true),
            PeriodStart = t.Column<DateOnly>(nullable: true),
            PeriodEnd = t.Column<DateOnly>(nullable: true),
            Cost = t.Column<decimal>(nullable: true),
            OrderReference = t.Column<string>(maxLength: 200, nullable: true),
            ServiceAgreementReference = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Purchases", x => x.Id);
            t.ForeignKey("FK_Purchases_FrameworkAgreements_FrameworkAgreementId", x => x.FrameworkAgreementId, "FrameworkAgreements", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Purchases_ResourceRequests_RequestId", x => x.RequestId, "ResourceRequests", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("ResourceUses", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            RequestId = t.Column<Guid>(nullable: false),
            SchoolUnitId = t.Column<Guid>(nullable: false),
            ResourceId = t.Column<Guid>(nullable: false),
            RegisteransvarigUserId = t.Column<Guid>(nullable: true),
            AdministratorName = t.Column<string>(maxLength: 200, nullable: true),
            AdministratorEmail = t.Column<string>(maxLength: 320, nullable: true),
            TrainingConfirmedAt = t.Column<DateTime>(nullable: true),
            InUseSince = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResourceUses", x => x.Id);
            t.ForeignKey("FK_ResourceUses_AspNetUsers_RegisteransvarigUserId", x => x.RegisteransvarigUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceUses_LearningResources_ResourceId", x => x.ResourceId, "LearningResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceUses_OrganisationUnits_SchoolUnitId", x => x.SchoolUnitId, "OrganisationUnits", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ResourceUses_ResourceRequests_RequestId", x => x.RequestId, "ResourceRequests", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("Notifications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            MessageKey = t.Column<string>(maxLength: 100, nullable: false),
            Argument = t.Column<string>(maxLength: 200, nullable: false),
            Link = t.Column<string>(maxLength: 500, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ReadAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Notifications", x => x.Id);
            t.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        migrationBuilder.CreateIndex("IX_FrameworkAgreements_OrganizerId", "FrameworkAgreements", "OrganizerId");
        migrationBuilder.CreateIndex("IX_LearningResources_Name", "LearningResources", "Name");
        migrationBuilder.CreateIndex("IX_LearningResources_SupplierId", "LearningResources", "SupplierId");
        migrationBuilder.CreateIndex("IX_Notifications_UserId_ReadAt", "Notifications", ["UserId", "ReadAt"]);
        migrationBuilder.CreateIndex("IX_Purchases_FrameworkAgreementId", "Purchases", "FrameworkAgreementId");
        migrationBuilder.CreateIndex("IX_Purchases_RequestId", "Purchases", "RequestId", unique: true);
        migrationBuilder.CreateIndex("IX_RequestEvents_RequestId_At", "RequestEvents", ["RequestId", "At"]);
        migrationBuilder.CreateIndex("IX_ResourceRequests_OrganizerId_Status_ReviewQueuedAt", "ResourceRequests", ["OrganizerId", "Status", "ReviewQueuedAt"]);
        migrationBuilder.CreateIndex("IX_ResourceRequests_RequesterId", "ResourceRequests", "RequesterId");
        migrationBuilder.CreateIndex("IX_ResourceRequests_ResourceId", "ResourceRequests", "ResourceId");
        migrationBuilder.CreateIndex("IX_ResourceRequests_SchoolUnitId", "ResourceRequests", "SchoolUnitId");
        migrationBuilder.CreateIndex("IX_ResourceReviews_RequestId", "ResourceReviews", "RequestId");
        migrationBuilder.CreateIndex("IX_ResourceReviews_ResourceId_Shared", "ResourceReviews", ["ResourceId", "Shared"]);
        migrationBuilder.CreateIndex("IX_ResourceUses_RegisteransvarigUserId", "ResourceUses", "RegisteransvarigUserId");
        migrationBuilder.CreateIndex("IX_ResourceUses_RequestId", "ResourceUses", "RequestId", unique: true);
        migrationBuilder.CreateIndex("IX_ResourceUses_ResourceId", "ResourceUses", "ResourceId");
        migrationBuilder.CreateIndex("IX_ResourceUses_SchoolUnitId", "ResourceUses", "SchoolUnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Notifications", "ResourceUses", "Purchases", "ResourceReviews", "RequestEvents", "ResourceRequests", "FrameworkAgreements", "LearningResources" })
            migrationBuilder.DropTable(table);
    }
}
