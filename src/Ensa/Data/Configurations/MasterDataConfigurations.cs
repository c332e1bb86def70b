using Ensa.Identity;
using Ensa.MasterData;
using Ensa.Organizers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ensa.Data.Configurations;

internal sealed class ImportedPersonConfiguration : IEntityTypeConfiguration<ImportedPerson>
{
    public void Configure(EntityTypeBuilder<ImportedPerson> b)
    {
        b.ToTable("ImportedPersons");
        b.Property(e => e.SourceId).HasMaxLength(ImportedPerson.SourceIdMaxLength);
        b.HasIndex(e => new { e.OrganizerId, e.SourceId }).IsUnique();
        b.Property(e => e.Name).HasMaxLength(ImportedPerson.NameMaxLength);
        b.Property(e => e.WorkEmail).HasMaxLength(ImportedPerson.EmailMaxLength);
        b.Property(e => e.PrincipalNames).HasJsonConversion();
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EnsaUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
