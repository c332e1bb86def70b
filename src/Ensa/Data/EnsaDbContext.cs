using Ensa.Agreements;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Mail;
using Ensa.Notifications;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Organizers;
using Ensa.Privacy;
using Ensa.Publishing;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Data;

public sealed class EnsaDbContext(DbContextOptions<EnsaDbContext> options, ICurrentSession? session = null,
    TimeProvider? clock = null) : IdentityUserContext<EnsaUser, Guid>(options)
{
    public ICurrentSession Session { get; } = session ?? SystemSession.Instance;
    internal TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>The tenant for the global query filters. Null (no organizer) matches no organizer-owned row.</summary>
    private Guid? CurrentOrganizerId => Session.OrganizerId;

    public DbSet<Organizer> Organizers => Set<Organizer>();
    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SupplierInvitation> SupplierInvitations => Set<SupplierInvitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LearningResource> LearningResources => Set<LearningResource>();
    public DbSet<ResourceChangeProposal> ResourceChangeProposals => Set<ResourceChangeProposal>();
    public DbSet<ResourceRequest> ResourceRequests => Set<ResourceRequest>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<ResourceReview> ResourceReviews => Set<ResourceReview>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<FrameworkAgreement> FrameworkAgreements => Set<FrameworkAgreement>();
    public DbSet<ResourceUse> ResourceUses => Set<ResourceUse>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<PublicListSettings> PublicListSettings => Set<PublicListSettings>();
    public DbSet<ResourceGuidance> ResourceGuidance => Set<ResourceGuidance>();
    public DbSet<RightsRequest> RightsRequests => Set<RightsRequest>();
    public DbSet<RightsRequestUnit> RightsRequestUnits => Set<RightsRequestUnit>();
    public DbSet<RightsTask> RightsTasks => Set<RightsTask>();
    public DbSet<AgreementTemplate> AgreementTemplates => Set<AgreementTemplate>();
    public DbSet<SupplierDescription> SupplierDescriptions => Set<SupplierDescription>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementEvent> AgreementEvents => Set<AgreementEvent>();
    public DbSet<AgreementSignatory> AgreementSignatories => Set<AgreementSignatory>();
    public DbSet<AgreementDeviation> AgreementDeviations => Set<AgreementDeviation>();
    public DbSet<SignedAgreementDocument> SignedAgreementDocuments => Set<SignedAgreementDocument>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EnsaDbContext).Assembly);

        // Tenancy, first line: every organizer-owned row is filtered to the current organizer.
        builder.Entity<OrganisationUnit>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<Membership>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<Invitation>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<AuditEntry>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<ResourceRequest>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<RequestEvent>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<ResourceReview>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<Purchase>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<FrameworkAgreement>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<ResourceUse>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<Notification>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<PublicListSettings>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<ResourceGuidance>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<RightsRequest>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<RightsRequestUnit>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<RightsTask>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<Agreement>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<AgreementEvent>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<AgreementSignatory>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<AgreementDeviation>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<SignedAgreementDocument>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable strings, in both providers.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Every DateTime is UTC; SQLite forgets the kind, PostgreSQL's timestamptz insists on it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
