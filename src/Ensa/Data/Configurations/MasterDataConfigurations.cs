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

internal sealed class Ss12000SettingsConfiguration : IEntityTypeConfiguration<Ss12000Settings>
{
    public void Configure(EntityTypeBuilder<Ss12000Settings> b)
    {
        b.ToTable("Ss12000Settings");
        b.HasIndex(e => e.OrganizerId).IsUnique();
        b.Property(e => e.BaseUrl).HasMaxLength(Ss12000Settings.UrlMaxLength);
        b.Property(e => e.TokenUrl).HasMaxLength(Ss12000Settings.UrlMaxLength);
        b.Property(e => e.ClientId).HasMaxLength(Ss12000Settings.ClientIdMaxLength);
        b.Property(e => e.ProtectedToken).HasMaxLength(Ss12000Settings.ProtectedMaxLength);
        b.Property(e => e.ProtectedClientSecret).HasMaxLength(Ss12000Settings.ProtectedMaxLength);
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.ToTable("ImportRuns");
        b.HasIndex(e => new { e.OrganizerId, e.StartedAt });
        b.HasIndex(e => e.Status);
        b.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.StartedByName).HasMaxLength(ImportRun.NameMaxLength);
        b.Property(e => e.ErrorCode).HasMaxLength(100);
        b.Property(e => e.ErrorArgs).HasJsonConversion();
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
    }
}
