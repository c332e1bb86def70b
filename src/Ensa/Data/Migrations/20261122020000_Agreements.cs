using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ensa.Data.Migrations;

/// <summary>Data processing agreements: template versions, supplier descriptions (lists as JSON text, see ADR 5),
/// organizers' agreements with their timeline, signatories, deviations and signed copies. Provider-neutral, as the first.</summary>
[DbContext(typeof(EnsaDbContext))]
[Migration("20261122020000_Agreements")]
public sealed class Agreements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("AgreementTemplates", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Version = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            IsPlaceholder = t.Column<bool>(nullable: false),
            Sections = t.Column<string>(nullable: false),
            PublishedAt = t.Column<DateTime>(nullable: false),
            PublishedById = t.Column<Guid>(nullable: true),
            PublishedByName = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgreementTemplates", x => x.Id);
        });

        migrationBuilder.CreateTable("SupplierDescriptions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SupplierId = t.Column<Guid>(nullable: false),
            ResourceId = t.Column<Guid>(nullable: false),
            Version = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            PublishedAt = t.Column<DateTime>(nullable: true),
            PublishedById = t.Column<Guid>(nullable: true),
            PublishedByName = t.Column<string>(maxLength: 200, nullable: true),
            SubjectMatter = t.Column<string>(maxLength: 4000, nullable: false),
            Nature = t.Column<string>(maxLength: 4000, nullable: false),
            Purposes = t.Column<string>(maxLength: 4000, nullable: false),
            DataSubjects = t.Column<string>(nullable: false),
            PersonalData = t.Column<string>(nullable: false),
            ProcessingOperations = t.Column<string>(nullable: false),
            Retention = t.Column<string>(maxLength: 4000, nullable: false),
            Deletion = t.Column<string>(maxLength: 4000, nullable: false),
            Locations = t.Column<string>(nullable: false),
            Transfers = t.Column<string>(nullable: false),
            SecurityMeasures = t.Column<string>(nullable: false),
            Logging = t.Column<string>(maxLength: 4000, nullable: false),
            LogAccess = t.Column<string>(maxLength: 4000, nullable: false),
            AgreementContactName = t.Column<string>(maxLength: 200, nullable: false),
            AgreementContactEmail = t.Column<string>(maxLength: 320, nullable: false),
            AgreementContactPhone = t.Column<string>(maxLength: 50, nullable: true),
            DataProtectionContactName = t.Column<string>(maxLength: 200, nullable: false),
            DataProtectionContactEmail = t.Column<string>(maxLength: 320, nullable: false),
            DataProtectionContactPhone = t.Column<string>(maxLength: 50, nullable: true),
            SubProcessors = t.Column<string>(nullable: false),
            HasSensitiveData = t.Column<bool>(nullable: false),
            HasPersonalIdentityNumbers = t.Column<bool>(nullable: false),
            HasThirdCountryTransfer = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SupplierDescriptions", x => x.Id);
            t.ForeignKey("FK_SupplierDescriptions_LearningResources_ResourceId", x => x.ResourceId, "LearningResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_SupplierDescriptions_Suppliers_SupplierId", x => x.SupplierId, "Suppliers", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("Agreements", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            SupplierId = t.Column<Guid>(nullable: false),
            ResourceId = t.Column<Guid>(nullable: false),
            TemplateId = t.Column<Guid>(nullable: false),
            TemplateVersion = t.Column<int>(nullable: false),
            DescriptionId = t.Column<Guid>(nullable: true),
            DescriptionVersion = t.Column<int>(nullable: true),
            Status = t.Column<string>(maxLength: 40, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            ControllerName = t.Column<string>(maxLength: 200, nullable: false),
            AgreementContactName = t.Column<string>(maxLength: 200, nullable: false),
            AgreementContactEmail = t.Column<string>(maxLength: 320, nullable: false),
            AgreementContactPhone = t.Column<string>(maxLength: 50, nullable: true),
            DataProtectionContactName = t.Column<string>(maxLength: 200, nullable: false),
            DataProtectionContactEmail = t.Column<string>(maxLength: 320, nullable: false),
            DataProtectionContactPhone = t.Column<string>(maxLength: 50, nullable: true),
            RegistryNumber = t.Column<string>(maxLength: 100, nullable: true),
            ReviewerId = t.Column<Guid>(nullable: true),
            ReviewerName = t.Column<string>(maxLength: 200, nullable: true),
            ReviewedAt = t.Column<DateTime>(nullable: true),
            ReviewNotes = t.Column<string>(maxLength: 4000, nullable: true),
            SecurityCoordinatorId = t.Column<Guid>(nullable: true),
            SecurityCoordinatorName = t.Column<string>(maxLength: 200, nullable: true),
            SecurityReviewedAt = t.Column<DateTime>(nullable: true),
            SecurityNotes = t.Column<string>(maxLength: 4000, nullable: true),
            SignedAt = t.Column<DateTime>(nullable: true),
            SignedDocumentSha256 = t.Column<string>(maxLength: 64, nullable: true),
            InForceFrom = t.Column<DateOnly>(nullable: true),
            ReviewDate = t.Column<DateOnly>(nullable: true),
            EndDate = t.Column<DateOnly>(nullable: true),
            TerminatedOn = t.Column<DateOnly>(nullable: true),
            Disposition = t.Column<string>(maxLength: 40, nullable: true),
            DispositionConfirmation = t.Column<string>(maxLength: 2000, nullable: true),
            ExpiredAt = t.Column<DateTime>(nullable: true),
            PendingDescriptionId = t.Column<Guid>(nullable: true),
            PendingDescriptionVersion = t.Column<int>(nullable: true),
            VersionChangeNotifiedAt = t.Column<DateTime>(nullable: true),
            ObjectionDeadline = t.Column<DateTime>(nullable: true),
            ObjectionReason = t.Column<string>(maxLength: 4000, nullable: true),
            ObjectedAt = t.Column<DateTime>(nullable: true),
            ObjectedByName = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Agreements", x => x.Id);
            t.ForeignKey("FK_Agreements_AgreementTemplates_TemplateId", x => x.TemplateId, "AgreementTemplates", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Agreements_LearningResources_ResourceId", x => x.ResourceId, "LearningResources", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Agreements_Organizers_OrganizerId", x => x.OrganizerId, "Organizers", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Agreements_SupplierDescriptions_DescriptionId", x => x.DescriptionId, "SupplierDescriptions", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Agreements_SupplierDescriptions_PendingDescriptionId", x => x.PendingDescriptionId, "SupplierDescriptions", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Agreements_Suppliers_SupplierId", x => x.SupplierId, "Suppliers", "Id", onDelete: ReferentialAction.Restrict);
        });

        migrationBuilder.CreateTable("AgreementEvents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            AgreementId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            ActorUserId = t.Column<Guid>(nullable: true),
            ActorName = t.Column<string>(maxLength: 200, nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Comment = t.Column<string>(maxLength: 4000, nullable: true),
            DescriptionVersion = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgreementEvents", x => x.Id);
            t.ForeignKey("FK_AgreementEvents_Agreements_AgreementId", x => x.AgreementId, "Agreements", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("AgreementSignatories", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            AgreementId = t.Column<Guid>(nullable: false),
            Party = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            SignedOn = t.Column<DateOnly>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgreementSignatories", x => x.Id);
            t.ForeignKey("FK_AgreementSignatories_Agreements_AgreementId", x => x.AgreementId, "Agreements", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("AgreementDeviations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            AgreementId = t.Column<Guid>(nullable: false),
            Field = t.Column<string>(maxLength: 300, nullable: false),
            SupplierValue = t.Column<string>(maxLength: 4000, nullable: true),
            OrganizerValue = t.Column<string>(maxLength: 4000, nullable: false),
            Reason = t.Column<string>(maxLength: 4000, nullable: false),
            RecordedByName = t.Column<string>(maxLength: 200, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgreementDeviations", x => x.Id);
            t.ForeignKey("FK_AgreementDeviations_Agreements_AgreementId", x => x.AgreementId, "Agreements", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateTable("SignedAgreementDocuments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            OrganizerId = t.Column<Guid>(nullable: false),
            AgreementId = t.Column<Guid>(nullable: false),
            FileName = t.Column<string>(maxLength: 260, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            Size = t.Column<int>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            UploadedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_SignedAgreementDocuments", x => x.Id);
            t.ForeignKey("FK_SignedAgreementDocuments_Agreements_AgreementId", x => x.AgreementId, "Agreements", "Id", onDelete: ReferentialAction.Cascade);
        });

        migrationBuilder.CreateIndex("IX_AgreementDeviations_AgreementId_Field", "AgreementDeviations", ["AgreementId", "Field"], unique: true);
        migrationBuilder.CreateIndex("IX_AgreementEvents_AgreementId_At", "AgreementEvents", ["AgreementId", "At"]);
        migrationBuilder.CreateIndex("IX_Agreements_DescriptionId", "Agreements", "DescriptionId");
        migrationBuilder.CreateIndex("IX_Agreements_OrganizerId_Status", "Agreements", ["OrganizerId", "Status"]);
        migrationBuilder.CreateIndex("IX_Agreements_PendingDescriptionId", "Agreements", "PendingDescriptionId");
        migrationBuilder.CreateIndex("IX_Agreements_ResourceId_Status_DescriptionVersion", "Agreements", ["ResourceId", "Status", "DescriptionVersion"]);
        migrationBuilder.CreateIndex("IX_Agreements_Status_EndDate", "Agreements", ["Status", "EndDate"]);
        migrationBuilder.CreateIndex("IX_Agreements_Status_ReviewDate", "Agreements", ["Status", "ReviewDate"]);
        migrationBuilder.CreateIndex("IX_Agreements_SupplierId", "Agreements", "SupplierId");
        migrationBuilder.CreateIndex("IX_Agreements_TemplateId", "Agreements", "TemplateId");
        migrationBuilder.CreateIndex("IX_AgreementSignatories_AgreementId", "AgreementSignatories", "AgreementId");
        migrationBuilder.CreateIndex("IX_AgreementTemplates_Version", "AgreementTemplates", "Version", unique: true);
        migrationBuilder.CreateIndex("IX_SignedAgreementDocuments_AgreementId", "SignedAgreementDocuments", "AgreementId", unique: true);
        migrationBuilder.CreateIndex("IX_SupplierDescriptions_ResourceId_SupplierId_Version", "SupplierDescriptions", ["ResourceId", "SupplierId", "Version"], unique: true);
        migrationBuilder.CreateIndex("IX_SupplierDescriptions_SupplierId", "SupplierDescriptions", "SupplierId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "SignedAgreementDocuments", "AgreementDeviations", "AgreementSignatories", "AgreementEvents", "Agreements", "SupplierDescriptions", "AgreementTemplates" })
            migrationBuilder.DropTable(table);
    }
}
