using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Privacy;
using Ensa.Requests;
using Ensa.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ensa.Data.Configurations;

internal sealed class RightsRequestConfiguration : IEntityTypeConfiguration<RightsRequest>
{
    public void Configure(EntityTypeBuilder<RightsRequest> b)
    {
        b.ToTable("RightsRequests");
        b.Property(e => e.CaseReference).HasMaxLength(RightsRequest.ReferenceMaxLength);
        b.Property(e => e.CreatedByName).HasMaxLength(200);
        b.HasIndex(e => new { e.OrganizerId, e.ClosedAt });
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EnsaUser>().WithMany().HasForeignKey(e => e.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Tasks).WithOne().HasForeignKey(t => t.RightsRequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Tasks).HasField("_tasks");
        b.HasMany(e => e.Units).WithOne().HasForeignKey(u => u.RightsRequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Units).HasField("_units");
    }
}

internal sealed class RightsRequestUnitConfiguration : IEntityTypeConfiguration<RightsRequestUnit>
{
    public void Configure(EntityTypeBuilder<RightsRequestUnit> b)
    {
        b.ToTable("RightsRequestUnits");
        b.HasIndex(e => new { e.RightsRequestId, e.SchoolUnitId }).IsUnique();
        b.HasOne<OrganisationUnit>().WithMany().HasForeignKey(e => e.SchoolUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RightsTaskConfiguration : IEntityTypeConfiguration<RightsTask>
{
    public void Configure(EntityTypeBuilder<RightsTask> b)
    {
        b.ToTable("RightsTasks");
        b.Property(e => e.AdministratorName).HasMaxLength(200);
        b.Property(e => e.AdministratorEmail).HasMaxLength(320);
        b.Property(e => e.TokenHash).HasMaxLength(64);
        b.Property(e => e.Answer).HasMaxLength(RightsTask.AnswerMaxLength);
        b.Property(e => e.AnsweredBy).HasMaxLength(200);
        b.HasIndex(e => e.TokenHash).IsUnique();
        b.HasIndex(e => new { e.Status, e.RightsRequestId });
        b.HasOne<ResourceRequest>().WithMany().HasForeignKey(e => e.ResourceRequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganisationUnit>().WithMany().HasForeignKey(e => e.SchoolUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}
