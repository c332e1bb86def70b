using Ensa.Organizers;
using Ensa.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ensa.Data.Configurations;

internal sealed class IdentityProviderConfiguration : IEntityTypeConfiguration<IdentityProvider>
{
    public void Configure(EntityTypeBuilder<IdentityProvider> b)
    {
        b.ToTable("IdentityProviders");
        b.HasIndex(e => e.OrganizerId);
        b.Property(e => e.DisplayName).HasMaxLength(IdentityProvider.DisplayNameMaxLength);
        b.Property(e => e.Authority).HasMaxLength(IdentityProvider.AuthorityMaxLength);
        b.Property(e => e.ClientId).HasMaxLength(IdentityProvider.ClientIdMaxLength);
        b.Property(e => e.ProtectedClientSecret).HasMaxLength(IdentityProvider.ProtectedMaxLength);
        b.Property(e => e.Scopes).HasMaxLength(IdentityProvider.ScopesMaxLength);
        b.HasMany(e => e.Domains).WithOne().HasForeignKey(d => d.IdentityProviderId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(e => e.Scheme);
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdentityProviderDomainConfiguration : IEntityTypeConfiguration<IdentityProviderDomain>
{
    public void Configure(EntityTypeBuilder<IdentityProviderDomain> b)
    {
        b.ToTable("IdentityProviderDomains");
        b.Property(e => e.Name).HasMaxLength(IdentityProviderDomain.NameMaxLength);
        b.HasIndex(e => e.Name).IsUnique();
    }
}

internal sealed class OrganizerSignInConfiguration : IEntityTypeConfiguration<OrganizerSignIn>
{
    public void Configure(EntityTypeBuilder<OrganizerSignIn> b)
    {
        b.ToTable("OrganizerSignIns");
        b.HasIndex(e => e.OrganizerId).IsUnique();
        b.HasOne<Organizer>().WithMany().HasForeignKey(e => e.OrganizerId).OnDelete(DeleteBehavior.Cascade);
    }
}
