using Ensa.Audit;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Mail;
using Ensa.Organizers;
using Ensa.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ensa.Data.Configurations;

internal sealed class OrganizerConfiguration : IEntityTypeConfiguration<Organizer>
{
    public void Configure(EntityTypeBuilder<Organizer> b)
    {
        b.ToTable("Organizers");
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Slug).HasMaxLength(Organizer.SlugMaxLength);
        b.HasIndex(e => e.Slug).IsUnique();
        b.Property(e => e.OrganisationNumber).HasMaxLength(11);
        b.HasIndex(e => e.OrganisationNumber).IsUnique();
        b.Property(e => e.ControllerName).HasMaxLength(Organizer.ControllerNameMaxLength);
        b.Property(e => e.DataProtectionOfficerName).HasMaxLength(Organizer.DataProtectionOfficerNameMaxLength);
        b.Property(e => e.DataProtectionOfficerEmail).HasMaxLength(Organizer.EmailMaxLength);
        // Existing organizers start with the rule off.
        b.Property(e => e.RequiredTwoFactor).HasDefaultValue(RequiredTwoFactor.Off);
        b.Property(e => e.TaskTargetWorkingDays).HasDefaultValue(Organizer.DefaultTaskTargetWorkingDays);
        b.Property(e => e.ShareReviewsByDefault).HasDefaultValue(false);
    }
}

internal sealed class OrganisationUnitConfiguration : IEntityTypeConfiguration<OrganisationUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationUnit> b)
    {
        b.ToTable("OrganisationUnits");
        b.Property(e => e.Name).HasMaxLength(OrganisationUnit.NameMaxLength);
        b.Property(e => e.SchoolUnitCode).HasMaxLength(8);
        b.HasIndex(e => e.SchoolUnitCode).IsUnique();
        b.Property(e => e.SourceId).HasMaxLength(MasterData.ImportedPerson.SourceIdMaxLength);
        b.HasIndex(e => new { e.OrganizerId, e.SourceId }).IsUnique();
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganisationUnit>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.ToTable("Suppliers");
        b.Property(e => e.Name).HasMaxLength(200);
        b.HasIndex(e => e.Name);
        b.Property(e => e.OrganisationNumber).HasMaxLength(11);
        b.Property(e => e.ForeignRegistration).HasMaxLength(100);
        b.Property(e => e.CountryCode).HasMaxLength(2);
        b.Property(e => e.ContactName).HasMaxLength(200);
        b.Property(e => e.ContactEmail).HasMaxLength(320);
    }
}

internal sealed class EnsaUserConfiguration : IEntityTypeConfiguration<EnsaUser>
{
    public void Configure(EntityTypeBuilder<EnsaUser> b)
    {
        b.Property(e => e.DisplayName).HasMaxLength(200);
        b.Property(e => e.IsSupplierAdmin).HasDefaultValue(false);
        b.Property(e => e.Language).HasMaxLength(EnsaUser.LanguageMaxLength).HasDefaultValue(EnsaUser.DefaultLanguage);
        b.HasOne<Supplier>().WithMany().HasForeignKey(e => e.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("Memberships");
        b.HasIndex(e => new { e.UserId, e.OrganizerId });
        b.HasOne<EnsaUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrganisationUnit>().WithMany().HasForeignKey(e => e.OrganisationUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SuspendedMembershipConfiguration : IEntityTypeConfiguration<SuspendedMembership>
{
    public void Configure(EntityTypeBuilder<SuspendedMembership> b)
    {
        b.ToTable("SuspendedMemberships");
        b.HasIndex(e => new { e.UserId, e.OrganizerId });
        b.HasOne<EnsaUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrganisationUnit>().WithMany().HasForeignKey(e => e.OrganisationUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> b)
    {
        b.ToTable("SignInRecords");
        b.Property(e => e.Provider).HasMaxLength(SignInRecord.ProviderMaxLength);
        b.HasIndex(e => new { e.UserId, e.At });
        b.HasOne<EnsaUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("OrganizerInvitations");
        OneTimeInvitationConfiguration.Configure(b);
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrganisationUnit>().WithMany().HasForeignKey(e => e.OrganisationUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplierInvitationConfiguration : IEntityTypeConfiguration<SupplierInvitation>
{
    public void Configure(EntityTypeBuilder<SupplierInvitation> b)
    {
        b.ToTable("SupplierInvitations");
        OneTimeInvitationConfiguration.Configure(b);
        b.HasOne<Supplier>().WithMany().HasForeignKey(e => e.SupplierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal static class OneTimeInvitationConfiguration
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : OneTimeInvitation
    {
        b.Property(e => e.Email).HasMaxLength(320);
        b.Property(e => e.DisplayName).HasMaxLength(OneTimeInvitation.DisplayNameMaxLength);
        b.Property(e => e.TokenHash).HasMaxLength(64);
        b.HasIndex(e => e.TokenHash).IsUnique();
        b.HasOne<EnsaUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(20);
        b.HasIndex(e => new { e.OrganizerId, e.At });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(e => e.To).HasMaxLength(320);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.LastError).HasMaxLength(2000);
        b.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.ToTable("JobLeases");
        b.HasKey(e => e.Name);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Holder).HasMaxLength(200);
    }
}
