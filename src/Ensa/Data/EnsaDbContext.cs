using Ensa.Audit;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Jobs;
using Ensa.Mail;
using Ensa.Organizers;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Data;

public sealed class EnsaDbContext(DbContextOptions<EnsaDbContext> options, ICurrentSession? session = null,
    TimeProvider? clock = null) : IdentityUserContext<EnsaUser, Guid>(options)
{
    internal ICurrentSession Session { get; } = session ?? SystemSession.Instance;
    internal TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>The tenant for the global query filters. Null (no organizer) matches no organizer-owned row.</summary>
    private Guid? CurrentOrganizerId => Session.OrganizerId;

    public DbSet<Organizer> Organizers => Set<Organizer>();
    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EnsaDbContext).Assembly);

        // Tenancy, first line: every organizer-owned row is filtered to the current organizer.
        builder.Entity<OrganisationUnit>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<Membership>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<Invitation>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
        builder.Entity<AuditEntry>().HasQueryFilter(e => e.OrganizerId == CurrentOrganizerId);
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
