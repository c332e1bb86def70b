using System.Linq.Expressions;
using Ensa.Agreements;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Mail;
using Ensa.Notifications;
using Ensa.Organizers;
using Ensa.Privacy;
using Ensa.Publishing;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Suppliers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Data;

public sealed class EnsaDbContext(DbContextOptions<EnsaDbContext> options, ICurrentSession? session = null,
    TimeProvider? clock = null) : IdentityUserContext<EnsaUser, Guid>(options), IDataProtectionKeyContext
{
    public ICurrentSession Session { get; } = session ?? SystemSession.Instance;
    internal TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>The tenant for the global query filters. Null (no organizer) matches no organizer-owned row.</summary>
    private Guid? CurrentOrganizerId => Session.OrganizerId;

    public DbSet<Organizer> Organizers => Set<Organizer>();
    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<SuspendedMembership> SuspendedMemberships => Set<SuspendedMembership>();
    public DbSet<SignInRecord> SignInRecords => Set<SignInRecord>();
    public DbSet<MasterData.ImportedPerson> ImportedPersons => Set<MasterData.ImportedPerson>();
    public DbSet<MasterData.Ss12000Settings> Ss12000Settings => Set<MasterData.Ss12000Settings>();
    public DbSet<MasterData.ImportRun> ImportRuns => Set<MasterData.ImportRun>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<SupplierInvitation> SupplierInvitations => Set<SupplierInvitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    /// <summary>The data-protection key ring, shared by every app node (cookies and antiforgery tokens made by one are read by another).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LearningResource> LearningResources => Set<LearningResource>();
    public DbSet<ResourceChangeProposal> ResourceChangeProposals => Set<ResourceChangeProposal>();
    public DbSet<ResourceRevision> ResourceRevisions => Set<ResourceRevision>();
    public DbSet<ResourceRequest> ResourceRequests => Set<ResourceRequest>();
    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();
    public DbSet<ResourceReview> ResourceReviews => Set<ResourceReview>();
    public DbSet<ResourceDecision> ResourceDecisions => Set<ResourceDecision>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<FrameworkAgreement> FrameworkAgreements => Set<FrameworkAgreement>();
    public DbSet<ResourceUse> ResourceUses => Set<ResourceUse>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<PublicListSettings> PublicListSettings => Set<PublicListSettings>();
    public DbSet<ResourceGuidance> ResourceGuidance => Set<ResourceGuidance>();
    public DbSet<RightsRequest> RightsRequests => Set<RightsRequest>();
    public DbSet<RightsRequestUnit> RightsRequestUnits => Set<RightsRequestUnit>();
    public DbSet<RightsTask> RightsTasks => Set<RightsTask>();
    public DbSet<Tasks.TaskReminder> TaskReminders => Set<Tasks.TaskReminder>();
    public DbSet<AgreementTemplate> AgreementTemplates => Set<AgreementTemplate>();
    public DbSet<SupplierDescription> SupplierDescriptions => Set<SupplierDescription>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementEvent> AgreementEvents => Set<AgreementEvent>();
    public DbSet<AgreementSignatory> AgreementSignatories => Set<AgreementSignatory>();
    public DbSet<AgreementDeviation> AgreementDeviations => Set<AgreementDeviation>();
    public DbSet<SignedAgreementDocument> SignedAgreementDocuments => Set<SignedAgreementDocument>();
    public DbSet<AgreementSigningDocument> AgreementSigningDocuments => Set<AgreementSigningDocument>();
    public DbSet<StandingOffer> StandingOffers => Set<StandingOffer>();
    public DbSet<SignIn.IdentityProvider> IdentityProviders => Set<SignIn.IdentityProvider>();
    public DbSet<SignIn.OrganizerSignIn> OrganizerSignIns => Set<SignIn.OrganizerSignIn>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EnsaDbContext).Assembly);

        // Tenancy, first line: every organizer-owned row is filtered to the current organizer (TenancyTests checks
        // that none is missed). The audit log is filtered too, though a platform-wide entry has no organizer.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IOrganizerOwned).IsAssignableFrom(t.ClrType)).ToList())
            builder.Entity(type.ClrType).HasQueryFilter(OwnedByCurrentOrganizer(type.ClrType));
        builder.Entity<AuditEntry>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList())
            builder.Entity(type.ClrType).Property<int>(Versions.Property).IsConcurrencyToken();
    }

    /// <summary><c>e => e.OrganizerId == CurrentOrganizerId</c> for an entity type (EF reads the context's property per query).</summary>
    private LambdaExpression OwnedByCurrentOrganizer(Type type)
    {
        var e = Expression.Parameter(type, "e");
        var organizer = Expression.Convert(
            Expression.Property(e, nameof(IOrganizerOwned.OrganizerId)), typeof(Guid?));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentOrganizerId));
        return Expression.Lambda(Expression.Equal(organizer, current), e);
    }

    /// <summary>The versions the post's form was rendered from (<see cref="Versions"/>); set by the web layer.</summary>
    public IReadOnlyCollection<string> SeenVersions { get; set; } = [];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Versions.Advance(this, SeenVersions);
        ResourceDecision.SupersedePreviousAsync(this, default).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Versions.Advance(this, SeenVersions);
        await ResourceDecision.SupersedePreviousAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
