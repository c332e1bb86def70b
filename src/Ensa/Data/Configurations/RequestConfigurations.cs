using Ensa.Identity;
using Ensa.Notifications;
using Ensa.Organizers;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ensa.Data.Configurations;

internal sealed class LearningResourceConfiguration : IEntityTypeConfiguration<LearningResource>
{
    public void Configure(EntityTypeBuilder<LearningResource> b)
    {
        b.ToTable("LearningResources");
        b.Property(e => e.Name).HasMaxLength(LearningResource.NameMaxLength);
        b.HasIndex(e => e.Name);
        b.Property(e => e.Description).HasMaxLength(LearningResource.DescriptionMaxLength);
        b.Property(e => e.WebAddress).HasMaxLength(LearningResource.WebAddressMaxLength);
        b.Property(e => e.AppStoreLinks).HasMaxLength(LearningResource.AppStoreLinksMaxLength);
        b.Property(e => e.Platforms).HasMaxLength(LearningResource.PlatformsMaxLength);
        b.Property(e => e.Grades).HasMaxLength(LearningResource.GradesMaxLength);
        b.Property(e => e.Subjects).HasMaxLength(LearningResource.SubjectsMaxLength);
        b.Property(e => e.SchoolForms).HasMaxLength(200);
        b.Property(e => e.SignInMethods).HasMaxLength(200);
        b.HasOne<Supplier>().WithMany().HasForeignKey(e => e.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResourceChangeProposalConfiguration : IEntityTypeConfiguration<ResourceChangeProposal>
{
    public void Configure(EntityTypeBuilder<ResourceChangeProposal> b)
    {
        b.ToTable("ResourceChangeProposals");
        b.Ignore(e => e.Fields);
        b.Property(e => e.ProposedByName).HasMaxLength(200);
        b.Property(e => e.BaseFacts).HasMaxLength(ResourceChangeProposal.FactsMaxLength);
        b.Property(e => e.ProposedFacts).HasMaxLength(ResourceChangeProposal.FactsMaxLength);
        b.Property(e => e.DecidedByName).HasMaxLength(200);
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceRevisionConfiguration : IEntityTypeConfiguration<ResourceRevision>
{
    public void Configure(EntityTypeBuilder<ResourceRevision> b)
    {
        b.ToTable("ResourceRevisions");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ChangedByName).HasMaxLength(ResourceRevision.NameMaxLength);
        b.Property(e => e.AppliedByName).HasMaxLength(ResourceRevision.NameMaxLength);
        b.Property(e => e.Field).HasMaxLength(ResourceRevision.FieldMaxLength);
        b.Property(e => e.Before).HasMaxLength(ResourceRevision.ValueMaxLength);
        b.Property(e => e.After).HasMaxLength(ResourceRevision.ValueMaxLength);
        b.HasIndex(e => new { e.ResourceId, e.At });
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResourceRequestConfiguration : IEntityTypeConfiguration<ResourceRequest>
{
    public void Configure(EntityTypeBuilder<ResourceRequest> b)
    {
        b.ToTable("ResourceRequests");
        b.Property(e => e.ProposedName).HasMaxLength(ResourceRequest.NameMaxLength);
        b.Property(e => e.ProposedSupplier).HasMaxLength(ResourceRequest.NameMaxLength);
        b.Property(e => e.ProposedWebAddress).HasMaxLength(ResourceRequest.WebAddressMaxLength);
        b.Property(e => e.Need).HasMaxLength(ResourceRequest.TextMaxLength);
        b.Property(e => e.Users).HasMaxLength(100);
        b.Property(e => e.Grades).HasMaxLength(ResourceRequest.GradesMaxLength);
        b.Property(e => e.PersonalData).HasMaxLength(ResourceRequest.TextMaxLength);
        b.Property(e => e.SignInMethod).HasMaxLength(200);
        b.Property(e => e.LicencePeriod).HasMaxLength(ResourceRequest.ShortTextMaxLength);
        b.HasIndex(e => new { e.OrganizerId, e.Status, e.ReviewQueuedAt });
        b.HasIndex(e => e.RequesterId);
        b.HasIndex(e => e.SchoolUnitId);
        b.HasIndex(e => e.ResourceId);
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganisationUnit>().WithMany().HasForeignKey(e => e.SchoolUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnsaUser>().WithMany().HasForeignKey(e => e.RequesterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Events).HasField("_events");
        b.HasOne(e => e.Purchase).WithOne().HasForeignKey<Purchase>(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Use).WithOne().HasForeignKey<ResourceUse>(u => u.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> b)
    {
        b.ToTable("RequestEvents");
        // Keys are made by the domain; new events reached through a tracked request must be inserted, not updated.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Comment).HasMaxLength(RequestEvent.CommentMaxLength);
        b.HasIndex(e => new { e.RequestId, e.At });
    }
}

internal sealed class ResourceReviewConfiguration : IEntityTypeConfiguration<ResourceReview>
{
    public void Configure(EntityTypeBuilder<ResourceReview> b)
    {
        b.ToTable("ResourceReviews");
        foreach (var text in new[] { nameof(ResourceReview.PedagogicalAssessment), nameof(ResourceReview.AccessibilityNotes),
                     nameof(ResourceReview.PersonalDataCategories), nameof(ResourceReview.ThirdCountryNotes),
                     nameof(ResourceReview.SecurityAssessment), nameof(ResourceReview.Conditions), nameof(ResourceReview.Reason),
                     nameof(ResourceReview.SecurityWaiverReason), nameof(ResourceReview.PendingConditions) })
            b.Property(text).HasMaxLength(ResourceReview.TextMaxLength);
        b.Property(e => e.ReviewerName).HasMaxLength(200);
        b.Property(e => e.SecurityCoordinatorName).HasMaxLength(200);
        b.Property(e => e.DecidedByName).HasMaxLength(200);
        b.Property(e => e.SecurityWaivedByName).HasMaxLength(200);
        b.Property(e => e.PendingDecidedByName).HasMaxLength(200);
        b.Ignore(e => e.DpiaSuggested);
        b.Ignore(e => e.ProcessesPersonalData);
        b.Ignore(e => e.SecurityPartSettled);
        b.HasIndex(e => e.RequestId);
        b.HasIndex(e => new { e.ResourceId, e.Shared });
        // The public list: each organizer's latest decision per resource.
        b.HasIndex(e => new { e.OrganizerId, e.ResourceId, e.DecidedAt });
        b.HasOne<ResourceRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Outcome).WithOne().HasForeignKey<ResourceDecision>(d => d.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceDecisionConfiguration : IEntityTypeConfiguration<ResourceDecision>
{
    public void Configure(EntityTypeBuilder<ResourceDecision> b)
    {
        b.ToTable("ResourceDecisions");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Conditions).HasMaxLength(ResourceReview.TextMaxLength);
        b.Property(e => e.Reason).HasMaxLength(ResourceReview.TextMaxLength);
        b.Property(e => e.DecidedByName).HasMaxLength(200);
        b.Ignore(e => e.Approves);
        // One current decision per organizer and resource; the history beside it.
        b.HasIndex(e => new { e.OrganizerId, e.ResourceId }).IsUnique().HasFilter("\"SupersededAt\" IS NULL");
        b.HasIndex(e => new { e.OrganizerId, e.ResourceId, e.DecidedAt });
        b.HasIndex(e => new { e.ResourceId, e.SupersededAt });
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.ToTable("Purchases");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.OrderReference).HasMaxLength(Purchase.ReferenceMaxLength);
        b.Property(e => e.ServiceAgreementReference).HasMaxLength(Purchase.ReferenceMaxLength);
        b.HasOne<FrameworkAgreement>().WithMany().HasForeignKey(e => e.FrameworkAgreementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FrameworkAgreementConfiguration : IEntityTypeConfiguration<FrameworkAgreement>
{
    public void Configure(EntityTypeBuilder<FrameworkAgreement> b)
    {
        b.ToTable("FrameworkAgreements");
        b.Property(e => e.Name).HasMaxLength(FrameworkAgreement.NameMaxLength);
        b.Property(e => e.Supplier).HasMaxLength(FrameworkAgreement.SupplierMaxLength);
        b.Property(e => e.Reference).HasMaxLength(FrameworkAgreement.ReferenceMaxLength);
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceUseConfiguration : IEntityTypeConfiguration<ResourceUse>
{
    public void Configure(EntityTypeBuilder<ResourceUse> b)
    {
        b.ToTable("ResourceUses");
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.AdministratorName).HasMaxLength(ResourceUse.AdministratorNameMaxLength);
        b.Property(e => e.AdministratorEmail).HasMaxLength(ResourceUse.AdministratorEmailMaxLength);
        b.Property(e => e.EndNote).HasMaxLength(ResourceUse.EndNoteMaxLength);
        b.HasIndex(e => e.SchoolUnitId);
        b.HasIndex(e => e.ResourceId);
        b.HasOne<OrganisationUnit>().WithMany().HasForeignKey(e => e.SchoolUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnsaUser>().WithMany().HasForeignKey(e => e.RegisteransvarigUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(e => e.MessageKey).HasMaxLength(100);
        b.Property(e => e.Argument).HasMaxLength(200);
        b.Property(e => e.Link).HasMaxLength(500);
        b.HasIndex(e => new { e.UserId, e.ReadAt });
        b.HasOne<EnsaUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TaskReminderConfiguration : IEntityTypeConfiguration<Tasks.TaskReminder>
{
    public void Configure(EntityTypeBuilder<Tasks.TaskReminder> b)
    {
        b.ToTable("TaskReminders");
        b.HasIndex(e => new { e.Kind, e.SubjectId, e.WaitingSince, e.Escalated }).IsUnique();
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
    }
}
