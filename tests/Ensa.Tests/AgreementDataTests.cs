using Ensa.Agreements;
using Ensa.Common;
using Ensa.Data;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The agreement tables on a real database: the demo package round-trips (JSON lists, bytes, dates) and
/// organizer-owned rows are filtered to the tenant.</summary>
public sealed class AgreementDataTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public Task DemoAgreement_Sqlite_RoundTripsAndIsFiltered() => AgreementData.DemoPackageRoundTripsAsync(app);
}

public sealed class AgreementPostgresDataTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public Task DemoAgreement_Postgres_RoundTripsAndIsFiltered()
    {
        TestEnvironment.RequirePostgres();
        return AgreementData.DemoPackageRoundTripsAsync(app);
    }
}

internal static class AgreementData
{
    public static async Task DemoPackageRoundTripsAsync(EnsaAppFactory app)
    {
        await app.WithDbAsync(async db =>
        {
            // No organizer in this scope: the tenant filter hides every agreement row.
            Assert.Equal(0, await db.Agreements.CountAsync());
            Assert.Equal(0, await db.AgreementEvents.CountAsync());
            Assert.Equal(0, await db.SignedAgreementDocuments.CountAsync());

            var agreement = await db.Agreements.IgnoreQueryFilters()
                .Include(a => a.Events).Include(a => a.Signatories).Include(a => a.SignedDocument)
                .SingleAsync(a => a.Status == AgreementStatus.InForce && a.RegistryNumber == "GSN 2026/0412");
            var mittkoping = await db.Organizers.SingleAsync(o => o.Slug == Demo.DemoData.MittkopingSlug);
            Assert.Equal(mittkoping.Id, agreement.OrganizerId);
            Assert.Equal("Sagoväven Läsresan", (await db.LearningResources.SingleAsync(r => r.Id == agreement.ResourceId)).Name);
            Assert.Equal(2, agreement.Signatories.Count);
            Assert.Equal(SignedAgreementDocument.Hash(agreement.SignedDocument!.Content), agreement.SignedDocumentSha256);
            Assert.True(SignedAgreementDocument.Check(agreement.SignedDocument.Content).Succeeded);
            Assert.Equal(agreement.InForceFrom!.Value.AddYears(3), agreement.EndDate);
            Assert.Equal(AgreementEventKind.InForce, agreement.Events.OrderBy(e => e.At).ThenBy(e => e.Kind).Last().Kind);

            var description = await db.SupplierDescriptions.SingleAsync(d => d.Id == agreement.DescriptionId);
            Assert.True(description.IsPublished);
            Assert.True(description.HasThirdCountryTransfer);
            var us = Assert.Single(description.SubProcessors, s => s.CountryCode == "US");
            Assert.Equal(TransferSafeguard.DataPrivacyFramework, us.Safeguard);
            Assert.Contains(description.DataSubjects, d => d.Kind == DataSubjectKind.Pupils);

            var template = await db.AgreementTemplates.SingleAsync(t => t.Id == agreement.TemplateId);
            Assert.True(template.IsPlaceholder);
            Assert.Equal(PlaceholderTemplate.Sections, template.Sections);
            return true;
        });

        // Acting for an organizer: its own agreement is there, another organizer sees none of it.
        var organizers = await app.WithDbAsync(db => db.Organizers.ToDictionaryAsync(o => o.Slug, o => o.Id));
        var mittkopingId = organizers[Demo.DemoData.MittkopingSlug];
        var (ownAgreements, ownSignatories, allDescriptions) = await app.WithDbAsync(async db => (
            await db.Agreements.IgnoreQueryFilters().CountAsync(a => a.OrganizerId == mittkopingId),
            await db.AgreementSignatories.IgnoreQueryFilters().CountAsync(s => s.OrganizerId == mittkopingId),
            await db.SupplierDescriptions.IgnoreQueryFilters().CountAsync()));
        Assert.True(ownAgreements > 0 && ownSignatories > 0);
        await using (var mittkoping = ContextFor(app, mittkopingId))
        {
            Assert.Equal(ownAgreements, await mittkoping.Agreements.CountAsync());
            Assert.Equal(ownSignatories, await mittkoping.AgreementSignatories.CountAsync());
        }
        await using (var larande = ContextFor(app, organizers[Demo.DemoData.LarandeNorrSlug]))
        {
            Assert.Equal(0, await larande.Agreements.CountAsync());
            Assert.Equal(0, await larande.AgreementEvents.CountAsync());
            Assert.Equal(0, await larande.AgreementSignatories.CountAsync());
            Assert.Equal(0, await larande.SignedAgreementDocuments.CountAsync());
            Assert.Equal(allDescriptions, await larande.SupplierDescriptions.CountAsync()); // shared by all organizers
        }
    }

    private static EnsaDbContext ContextFor(EnsaAppFactory app, Guid organizerId) =>
        new(app.Services.GetRequiredService<DbContextOptions<EnsaDbContext>>(), new OrganizerSession(organizerId));

    private sealed record OrganizerSession(Guid? OrganizerId) : ICurrentSession
    {
        public Guid? UserId => null;
        public string? UserName => "test";
    }
}
