using Ensa.Agreements;
using Ensa.Organizers;
using Ensa.Resources;
using Ensa.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ensa.Data.Configurations;

internal sealed class AgreementTemplateConfiguration : IEntityTypeConfiguration<AgreementTemplate>
{
    public void Configure(EntityTypeBuilder<AgreementTemplate> b)
    {
        b.ToTable("AgreementTemplates");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Title).HasMaxLength(AgreementTemplate.TitleMaxLength);
        b.Property(e => e.PublishedByName).HasMaxLength(200);
        b.Property(e => e.Sections).HasJsonConversion();
        b.HasIndex(e => e.Version).IsUnique();
    }
}

internal sealed class SupplierDescriptionConfiguration : IEntityTypeConfiguration<SupplierDescription>
{
    public void Configure(EntityTypeBuilder<SupplierDescription> b)
    {
        b.ToTable("SupplierDescriptions");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Ignore(e => e.IsPublished);
        foreach (var text in new[] { nameof(SupplierDescription.SubjectMatter), nameof(SupplierDescription.Nature),
                     nameof(SupplierDescription.Purposes), nameof(SupplierDescription.Retention), nameof(SupplierDescription.Deletion),
                     nameof(SupplierDescription.Logging), nameof(SupplierDescription.LogAccess) })
            b.Property(text).HasMaxLength(SupplierDescription.TextMaxLength);
        b.Property(e => e.PublishedByName).HasMaxLength(200);
        ContactColumns.Configure(b);
        b.Property(e => e.DataSubjects).HasJsonConversion();
        b.Property(e => e.PersonalData).HasJsonConversion();
        b.Property(e => e.ProcessingOperations).HasJsonConversion();
        b.Property(e => e.Locations).HasJsonConversion();
        b.Property(e => e.Transfers).HasJsonConversion();
        b.Property(e => e.SecurityMeasures).HasJsonConversion();
        b.Property(e => e.SubProcessors).HasJsonConversion();
        // One row per version; a second draft of the same version is refused here.
        b.HasIndex(e => new { e.ResourceId, e.SupplierId, e.Version }).IsUnique();
        b.HasOne<Supplier>().WithMany().HasForeignKey(e => e.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.ToTable("Agreements");
        b.Property(e => e.Id).ValueGeneratedNever();
        // Added to a table with rows: the column needs a default, in the model too so both schemas agree.
        b.Property(e => e.SharedWithOtherOrganizers).HasDefaultValue(false);
        b.Property(e => e.ObjectionReasonShared).HasDefaultValue(false);
        b.Property(e => e.ReviewShared).HasDefaultValue(false);
        b.Ignore(e => e.Parts);
        b.Property(e => e.ControllerName).HasMaxLength(Agreement.NameMaxLength);
        ContactColumns.Configure(b);
        b.Property(e => e.RegistryNumber).HasMaxLength(Agreement.RegistryNumberMaxLength);
        b.Property(e => e.ReviewerName).HasMaxLength(200);
        b.Property(e => e.ReviewNotes).HasMaxLength(Agreement.NotesMaxLength);
        b.Property(e => e.SecurityCoordinatorName).HasMaxLength(200);
        b.Property(e => e.SecurityNotes).HasMaxLength(Agreement.NotesMaxLength);
        b.Property(e => e.SignedDocumentSha256).HasMaxLength(64);
        b.Property(e => e.DispositionConfirmation).HasMaxLength(Agreement.DispositionConfirmationMaxLength);
        b.Property(e => e.ObjectionReason).HasMaxLength(Agreement.ObjectionReasonMaxLength);
        b.Property(e => e.ObjectedByName).HasMaxLength(200);
        b.HasIndex(e => new { e.OrganizerId, e.Status });
        // Version-change notices (all organizers) and reminders (all organizers) search by these.
        b.HasIndex(e => new { e.ResourceId, e.Status, e.DescriptionVersion });
        b.HasIndex(e => new { e.Status, e.ReviewDate });
        b.HasIndex(e => new { e.Status, e.EndDate });
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Supplier>().WithMany().HasForeignKey(e => e.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgreementTemplate>().WithMany().HasForeignKey(e => e.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupplierDescription>().WithMany().HasForeignKey(e => e.DescriptionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupplierDescription>().WithMany().HasForeignKey(e => e.PendingDescriptionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Events).WithOne().HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Events).HasField("_events");
        b.HasMany(e => e.Signatories).WithOne().HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Signatories).HasField("_signatories");
        b.HasMany(e => e.Deviations).WithOne().HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Deviations).HasField("_deviations");
        b.HasOne(e => e.SignedDocument).WithOne().HasForeignKey<SignedAgreementDocument>(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.SigningDocument).WithOne().HasForeignKey<AgreementSigningDocument>(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(e => e.IsOnOffer);
        b.HasOne<StandingOffer>().WithMany().HasForeignKey(e => e.StandingOfferId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.StandingOfferId, e.OrganizerId });
    }
}

internal sealed class StandingOfferConfiguration : IEntityTypeConfiguration<StandingOffer>
{
    public void Configure(EntityTypeBuilder<StandingOffer> b)
    {
        b.ToTable("StandingOffers");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Ignore(e => e.IsOpenToAll);
        b.Ignore(e => e.IsOpen);
        b.Property(e => e.NamedOrganizerIds).HasJsonConversion();
        b.Property(e => e.DocumentSha256).HasMaxLength(64);
        b.Property(e => e.SignedByName).HasMaxLength(AgreementSignatory.NameMaxLength);
        b.Property(e => e.SignedByTitle).HasMaxLength(AgreementSignatory.TitleMaxLength);
        b.Property(e => e.Organisation).HasMaxLength(Agreement.NameMaxLength);
        b.Property(e => e.Method).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.WithdrawnByName).HasMaxLength(200);
        b.HasIndex(e => new { e.SupplierId, e.ResourceId, e.SignedAt });
        b.HasOne<Supplier>().WithMany().HasForeignKey(e => e.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgreementTemplate>().WithMany().HasForeignKey(e => e.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupplierDescription>().WithMany().HasForeignKey(e => e.DescriptionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementSigningDocumentConfiguration : IEntityTypeConfiguration<AgreementSigningDocument>
{
    public void Configure(EntityTypeBuilder<AgreementSigningDocument> b)
    {
        b.ToTable("AgreementSigningDocuments");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Sha256).HasMaxLength(64);
    }
}

internal sealed class AgreementEventConfiguration : IEntityTypeConfiguration<AgreementEvent>
{
    public void Configure(EntityTypeBuilder<AgreementEvent> b)
    {
        b.ToTable("AgreementEvents");
        // Keys are made by the domain; new events reached through a tracked agreement must be inserted, not updated.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Ignore(e => e.IsVisibleToSupplier);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Comment).HasMaxLength(AgreementEvent.CommentMaxLength);
        b.HasIndex(e => new { e.AgreementId, e.At });
    }
}

internal sealed class AgreementSignatoryConfiguration : IEntityTypeConfiguration<AgreementSignatory>
{
    public void Configure(EntityTypeBuilder<AgreementSignatory> b)
    {
        b.ToTable("AgreementSignatories");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(AgreementSignatory.NameMaxLength);
        b.Property(e => e.Title).HasMaxLength(AgreementSignatory.TitleMaxLength);
        b.Property(e => e.Organisation).HasMaxLength(Agreement.NameMaxLength);
        b.Property(e => e.Method).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.DocumentSha256).HasMaxLength(64);
    }
}

internal sealed class AgreementDeviationConfiguration : IEntityTypeConfiguration<AgreementDeviation>
{
    public void Configure(EntityTypeBuilder<AgreementDeviation> b)
    {
        b.ToTable("AgreementDeviations");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Field).HasMaxLength(300);
        b.Property(e => e.SupplierValue).HasMaxLength(AgreementDeviation.ValueMaxLength);
        b.Property(e => e.OrganizerValue).HasMaxLength(AgreementDeviation.ValueMaxLength);
        b.Property(e => e.Reason).HasMaxLength(AgreementDeviation.ReasonMaxLength);
        b.Property(e => e.RecordedByName).HasMaxLength(200);
        b.HasIndex(e => new { e.AgreementId, e.Field }).IsUnique();
    }
}

internal sealed class SignedAgreementDocumentConfiguration : IEntityTypeConfiguration<SignedAgreementDocument>
{
    public void Configure(EntityTypeBuilder<SignedAgreementDocument> b)
    {
        b.ToTable("SignedAgreementDocuments");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.FileName).HasMaxLength(SignedAgreementDocument.FileNameMaxLength);
        b.Property(e => e.Sha256).HasMaxLength(64);
    }
}

/// <summary>The agreement contact and the data protection contact, flattened into columns the same way wherever they are
/// kept (a supplier's description, an agreement).</summary>
internal static class ContactColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : class
    {
        foreach (var contact in new[] { "AgreementContact", "DataProtectionContact" })
        {
            b.Property(contact + "Name").HasMaxLength(ContactPerson.NameMaxLength);
            b.Property(contact + "Email").HasMaxLength(ContactPerson.EmailMaxLength);
            b.Property(contact + "Phone").HasMaxLength(ContactPerson.PhoneMaxLength);
        }
    }
}
