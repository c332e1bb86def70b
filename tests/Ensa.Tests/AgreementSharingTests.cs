using System.Net;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Other organizers see that an organizer signed on the same description (a count), and its signed copy only
/// when that organizer shares it. Demo data: Mittköping's agreement for "Sagoväven Läsresan" is signed and in force.</summary>
public sealed class AgreementSharingTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    /// <summary>Lärande Norr starts its own agreement for the same resource from the supplier's description.</summary>
    private Task<Guid> LarandeNorrsAsync() => app.WithDbAsync(async db =>
    {
        var larande = await db.Organizers.SingleAsync(o => o.Slug == "larandenorr");
        if (await db.Agreements.IgnoreQueryFilters().Where(a => a.OrganizerId == larande.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync() is { } existing)
            return existing;
        var fredrik = await db.Users.SingleAsync(u => u.Email == "fredrik.ahlgren@larandenorr.example");
        var admin = Actor.OrganizerStaff(fredrik.Id, fredrik.DisplayName, new HashSet<Role> { Role.OrganizerAdmin });
        var resource = await db.LearningResources.SingleAsync(r => r.Name == "Sagoväven Läsresan");
        var description = await db.SupplierDescriptions.Where(d => d.ResourceId == resource.Id && d.PublishedAt != null).OrderByDescending(d => d.Version).FirstAsync();
        var template = await db.AgreementTemplates.OrderByDescending(t => t.Version).FirstAsync();
        var parts = new OrganizerParts(larande.ControllerName, new ContactPerson("Fredrik Ahlgren", "fredrik.ahlgren@larandenorr.example"),
            new ContactPerson("Dataskyddsombud", "dso@larandenorr.example"));
        Assert.True(Agreement.Create(larande.Id, admin, template, resource, description, parts, DateTime.UtcNow, out var agreement).Succeeded);
        db.Agreements.Add(agreement!);
        await db.SaveChangesAsync();
        return agreement!.Id;
    });

    [Fact]
    public async Task SignedCopy_IsReadableByOtherOrganizersOnlyWhileShared()
    {
        var mittkoping = await app.DemoAgreementIdAsync();
        var theirs = await LarandeNorrsAsync();
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var before = await fredrik.GetPageAsync($"/Agreements/{theirs}");
        Assert.StartsWith("1", before.QuerySelector(".others-signed")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(before.QuerySelector("table.shared-by-others"));
        var copy = $"/Agreements/{theirs}?handler=SharedCopy&shared={mittkoping}";
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync(copy)).StatusCode);

        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        await lisa.FollowAsync(await lisa.SubmitAsync($"/Agreements/{mittkoping}", "form.share"));
        Assert.True((await app.StoredAsync<Agreement>(a => a.Id == mittkoping)).SharedWithOtherOrganizers);

        var after = await fredrik.GetPageAsync($"/Agreements/{theirs}");
        Assert.Contains("Mittköpings kommun (GSN 2026/0412)", EnsaClient.Text(after, "table.shared-by-others"), StringComparison.Ordinal);
        var response = await fredrik.Http.GetAsync(copy);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        // Mittköping's own agreement page stays Mittköping's.
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Agreements/{mittkoping}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Agreements/{mittkoping}?handler=Signed")).StatusCode);

        await lisa.FollowAsync(await lisa.SubmitAsync($"/Agreements/{mittkoping}", "form.share"));
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync(copy)).StatusCode);
    }

    [Fact]
    public async Task Share_UnsignedAgreement_IsRefused_AndOthersCannotShare()
    {
        var theirs = await LarandeNorrsAsync();
        var agreement = await app.StoredAsync<Agreement>(a => a.Id == theirs);
        var admin = Actor.OrganizerStaff(Guid.NewGuid(), "Admin", new HashSet<Role> { Role.OrganizerAdmin });
        Assert.Equal("Agreement.ShareNotSigned", agreement.ShareWithOtherOrganizers(admin, true, DateTime.UtcNow).Error!.Code);
        var security = Actor.OrganizerStaff(Guid.NewGuid(), "Säk", new HashSet<Role> { Role.SecurityCoordinator });
        Assert.Equal("Agreement.NotManager", agreement.ShareWithOtherOrganizers(security, true, DateTime.UtcNow).Error!.Code);

        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        Assert.Equal(HttpStatusCode.BadRequest, (await lisa.PostWithoutTokenAsync($"/Agreements/{await app.DemoAgreementIdAsync()}?handler=Share",
            new Dictionary<string, string> { ["share"] = "true" })).StatusCode);
    }
}
