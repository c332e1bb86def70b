using Ensa.Organizers;
using Ensa.Publishing;
using Ensa.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ensa.Data.Configurations;

internal sealed class PublicListSettingsConfiguration : IEntityTypeConfiguration<PublicListSettings>
{
    public void Configure(EntityTypeBuilder<PublicListSettings> b)
    {
        b.ToTable("PublicListSettings");
        b.HasKey(e => e.OrganizerId);
        b.Property(e => e.Fields).HasMaxLength(200);
        b.Property(e => e.Intro).HasMaxLength(PublicListSettings.IntroMaxLength);
        b.HasOne<Organizer>().WithOne().HasForeignKey<PublicListSettings>(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceGuidanceConfiguration : IEntityTypeConfiguration<ResourceGuidance>
{
    public void Configure(EntityTypeBuilder<ResourceGuidance> b)
    {
        b.ToTable("ResourceGuidance");
        b.HasIndex(e => new { e.OrganizerId, e.ResourceId }).IsUnique();
        b.Property(e => e.HowToStart).HasMaxLength(ResourceGuidance.TextMaxLength);
        b.Property(e => e.Guidelines).HasMaxLength(ResourceGuidance.TextMaxLength);
        b.Property(e => e.Links).HasMaxLength(ResourceGuidance.LinksMaxLength);
        b.Ignore(e => e.LinkList);
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LearningResource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
