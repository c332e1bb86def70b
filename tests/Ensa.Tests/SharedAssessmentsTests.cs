using System.Net;
using Ensa.Agreements;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Data;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Resources;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Issue 13: what organizers share. On each supplier description version, other organizers see how many signed,
/// review or objected to it, the objections' reasons and the reviews their organizers shared, and never an unshared note;
/// an objection to the version about to be signed comes first, as a warning. The supplier sees the counts and the reasons
/// shared with it. Catalogue edits leave revisions that every organizer reads, another organizer's marked as such.</summary>
public abstract class SharedAssessmentsTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Password = "ett långt lösenord för test";
    private const string SharedReason = "Ny underleverantör i USA utan godtagbart skydd.";
    private const string UnsharedReason = "Lärande Norrs interna skäl";
    private const string SharedReviewNote = "Lärande Norr delar: behandlingen är rimlig.";
    private const string UnsharedNote = "HEMLIG anteckning från Mittköping";

    private static readonly Actor Staff = Actor.OrganizerStaff(Guid.NewGuid(), "Greta Granskare",
        new HashSet<Role> { Role.CentralReviewer, Role.SecurityCoordinator, Role.OrganizerAdmin });

    private DateTime Now
    {
        get
        {
            var clock = app.Clock.GetUtcNow().UtcDateTime;
            return new DateTime(clock.Ticks - clock.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        }
    }

    [Fact]
    public async Task VersionAssessments_SecondOrganizerSeesCountsSharedTextsAndTheObjectionFirst_NeverUnsharedNotes()
    {
        app.RequireDatabase();
        var now = Now;
        var lasresan = await app.ResourceIdAsync("Sagoväven Läsresan");
        var mittkopingInForce = await app.DemoAgreementIdAsync();
        // Lärande Norr in force on v1, like Mittköping; then Sagoväven publishes v2 with a US sub-processor.
        var larandeInForce = await app.WithDbAsync(db => AddAsync(db, DemoData.LarandeNorrSlug, lasresan, 1, now, inForce: true));
        await PublishV2Async(now);
        // Lärande Norr starts again on v2, reviews it (shared) and is ready to sign; Mittköping reviews v2 too, unshared.
        var larandeOnV2 = await app.WithDbAsync(db => AddAsync(db, DemoData.LarandeNorrSlug, lasresan, 2, now, review: (SharedReviewNote, true), approve: true));
        var mittkopingOnV2 = await app.WithDbAsync(db => AddAsync(db, DemoData.MittkopingSlug, lasresan, 2, now, review: (UnsharedNote, false)));

        // Mittköping objects to v2 on its page, sharing the reason; Lärande Norr objects without sharing.
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var objectPage = await lisa.GetPageAsync($"/Agreements/{mittkopingInForce}");
        Assert.Contains("andra huvudmän", objectPage.QuerySelector("label[for=ShareReason]")!.TextContent, StringComparison.Ordinal);
        await lisa.FollowAsync(await lisa.SubmitAsync($"/Agreements/{mittkopingInForce}", "form[action*='handler=Object']",
            new Dictionary<string, string> { ["ObjectionReason"] = SharedReason, ["ShareReason"] = "true" }));
        Assert.True((await app.StoredAsync<Agreement>(a => a.Id == mittkopingInForce)).ObjectionReasonShared);
        await app.ChangeAgreementAsync(larandeInForce, a => a.ObjectToVersionChange(Staff, UnsharedReason, now));

        // Lärande Norr, about to sign v2, sees Mittköping's objection first: above the signing form, with its reason.
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var response = await fredrik.Http.GetAsync($"/Agreements/{larandeOnV2}");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await EnsaClient.ParseAsync(response);
        var warning = EnsaClient.Text(page, ".objection-warning");
        Assert.Contains("Mittköpings kommun", warning, StringComparison.Ordinal);
        Assert.Contains(SharedReason, warning, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action*='handler=Sign']"));
        Assert.True(html.IndexOf("objection-warning", StringComparison.Ordinal) < html.IndexOf("handler=Sign", StringComparison.Ordinal));
        // Counts over the other organizers (its own objection and agreements are its own): Mittköping reviews v2 and objected.
        var row = page.QuerySelector(".assessment-counts tr.version-2")!;
        Assert.Equal(("0", "1", "1"), (Cell(row, "signed"), Cell(row, "reviewing"), Cell(row, "objected")));
        Assert.DoesNotContain(UnsharedNote, page.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(UnsharedReason, page.DocumentElement.TextContent, StringComparison.Ordinal);

        // Mittköping, reviewing v2, reads Lärande Norr's shared review under the organizer's name (not the reviewer's), and
        // the unshared objection only as a number.
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var saras = await sara.GetPageAsync($"/Agreements/{mittkopingOnV2}");
        var assessments = EnsaClient.Text(saras, ".version-assessments");
        Assert.Contains(SharedReviewNote, assessments, StringComparison.Ordinal);
        Assert.Contains("Lärande Norr AB", assessments, StringComparison.Ordinal);
        Assert.DoesNotContain(Staff.Name, assessments, StringComparison.Ordinal);
        Assert.DoesNotContain(UnsharedReason, saras.DocumentElement.TextContent, StringComparison.Ordinal);
        var saraWarning = EnsaClient.Text(saras, ".objection-warning");
        Assert.Contains("1 av dem har inte delat sitt skäl", saraWarning, StringComparison.Ordinal);
        // Lärande Norr still cannot open Mittköping's agreement.
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Agreements/{mittkopingOnV2}")).StatusCode);

        // The supplier sees the counts per version and the reason shared with it, and no review.
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var portal = await elin.GetPageAsync($"/Supplier/Describe/{lasresan}");
        var v2 = portal.QuerySelector(".assessment-counts tr.version-2")!;
        Assert.Equal(("0", "2", "2"), (Cell(v2, "signed"), Cell(v2, "reviewing"), Cell(v2, "objected")));
        var v1 = portal.QuerySelector(".assessment-counts tr.version-1")!;
        Assert.Equal("2", Cell(v1, "signed"));
        var portalText = portal.DocumentElement.TextContent;
        Assert.Contains(SharedReason, portalText, StringComparison.Ordinal);
        Assert.DoesNotContain(UnsharedReason, portalText, StringComparison.Ordinal);
        Assert.DoesNotContain(SharedReviewNote, portalText, StringComparison.Ordinal);
        Assert.DoesNotContain(UnsharedNote, portalText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareReviewsByDefault_AppliesWhenTheReviewIsRecorded_AndEveryChangeOfSharingIsAudited()
    {
        app.RequireDatabase();
        var numerix = await app.ResourceIdAsync("Numerix Matteträning");
        var id = await app.WithDbAsync(db => AddAsync(db, DemoData.MittkopingSlug, numerix, 1, Now));
        await app.ChangeAgreementAsync(id, a => a.StartReview(Staff, Now));
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.Null((await sara.GetPageAsync($"/Agreements/{id}")).QuerySelector("#review-share[checked]"));

        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        await lisa.FollowAsync(await lisa.SubmitAsync("/Admin/Organizer", "main form",
            new Dictionary<string, string> { ["Input.ShareReviewsByDefault"] = "true" }));
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == DemoData.MittkopingSlug);
        Assert.True(organizer.ShareReviewsByDefault);
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityId == organizer.Id.ToString() && a.Changes.Contains(nameof(Organizer.ShareReviewsByDefault))));

        // The form starts ticked; a post without the choice takes the default.
        Assert.NotNull((await sara.GetPageAsync($"/Agreements/{id}")).QuerySelector("#review-share[checked]"));
        await sara.FollowAsync(await sara.PostHandlerAsync($"/Agreements/{id}", "Review", new Dictionary<string, string> { ["Notes"] = "Rimligt." }));
        Assert.True((await app.AgreementAsync(id)).ReviewShared);

        // The reviewer stops sharing it: kept on the timeline and in the audit log.
        await sara.FollowAsync(await sara.SubmitAsync($"/Agreements/{id}", "form.share-review"));
        var agreement = await app.AgreementAsync(id);
        Assert.False(agreement.ReviewShared);
        Assert.Contains(agreement.Events, e => e.Kind == AgreementEventKind.ReviewSharingChanged);
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityId == id.ToString() && a.Action == "Modified"
            && a.Changes.Contains("\"ReviewShared\":[true,false]")));

        // A requester may not share anything.
        using var anna = await app.SignInAs(Roles.Requester);
        Assert.NotEqual(HttpStatusCode.OK, (await anna.Http.GetAsync($"/Agreements/{id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anna.Http.PostAsync($"/Agreements/{id}?handler=ShareReview",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["share"] = "true" }))).StatusCode);
        Assert.False((await app.AgreementAsync(id)).ReviewShared);
        await lisa.FollowAsync(await lisa.SubmitAsync("/Admin/Organizer", "main form",
            new Dictionary<string, string> { ["Input.ShareReviewsByDefault"] = "false" }));
    }

    [Fact]
    public async Task CatalogueEdit_LeavesARevision_OtherOrganizerSeesItMarked_RequesterCannotEdit()
    {
        app.RequireDatabase();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var supplierId = await app.SupplierIdAsync("Sagoväven AB");
        var name = "Delad skrivverkstad " + typeof(TFactory).Name;
        await sara.FollowAsync(await sara.SubmitAsync("/Resources/Edit", "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.SupplierId"] = supplierId.ToString(), ["Input.Type"] = "WebService",
            ["Input.Description"] = "Skrivövningar.", ["Input.Pricing"] = "Free",
        }));
        var id = await app.ResourceIdAsync(name);
        await sara.FollowAsync(await sara.SubmitAsync($"/Resources/Edit/{id}", "main form",
            new Dictionary<string, string> { ["Input.Description"] = "Skrivövningar för åk 4–6." }));

        var revision = await app.StoredAsync<ResourceRevision>(r => r.ResourceId == id);
        var mittkoping = await app.StoredAsync<Organizer>(o => o.Slug == DemoData.MittkopingSlug);
        Assert.Equal(("Description", "Skrivövningar.", "Skrivövningar för åk 4–6.", mittkoping.Id),
            (revision.Field, revision.Before, revision.After, revision.OrganizerId!.Value));
        Assert.Contains("Sara", revision.ChangedByName, StringComparison.Ordinal);

        // Mittköping reads its own change unmarked; Lärande Norr reads it marked as Mittköping's.
        var own = EnsaClient.Text(await sara.GetPageAsync($"/Resources/{id}"), ".resource-revisions");
        Assert.Contains("Skrivövningar. → Skrivövningar för åk 4–6.", own, StringComparison.Ordinal);
        Assert.DoesNotContain("ändrad av", own, StringComparison.Ordinal);
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var theirs = await fredrik.GetPageAsync($"/Resources/{id}");
        Assert.Contains("ändrad av Mittköpings kommun", EnsaClient.Text(theirs, ".resource-revisions tr.by-other-organizer"), StringComparison.Ordinal);

        // Another organizer's reviewer proposes; the supplier applies it: the revision is Lärande Norr's, marked for Mittköping.
        var email = $"olle.{typeof(TFactory).Name.ToLowerInvariant()}@larandenorr.example";
        await app.CreateUserWithPasswordAsync(email, Password, Role.CentralReviewer, DemoData.LarandeNorrSlug);
        using var olle = app.NewClient();
        await olle.FollowAsync(await olle.SignInWithPasswordAsync(email, Password));
        await olle.FollowAsync(await olle.SubmitAsync($"/Resources/Edit/{id}", "main form", new Dictionary<string, string> { ["Input.Subjects"] = "Svenska" }));
        using var elin = await app.SignInAs(Roles.SupplierUser);
        await elin.FollowAsync(await elin.SubmitAsync($"/Resources/{id}", "form[action*=ApplyProposal]"));
        var marked = EnsaClient.Text(await sara.GetPageAsync($"/Resources/{id}"), ".resource-revisions tr.by-other-organizer");
        Assert.Contains("ändrad av Lärande Norr AB", marked, StringComparison.Ordinal);
        Assert.Contains("– → Svenska", marked, StringComparison.Ordinal);
        Assert.Contains("förslaget infört av Elin Svahn", marked, StringComparison.Ordinal);

        // A requester cannot edit the description: refused, nothing changed, no revision.
        using var anna = await app.SignInAs(Roles.Requester);
        var refused = await anna.Http.GetAsync($"/Resources/Edit/{id}");
        Assert.Contains("AccessDenied", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        var token = (await anna.GetPageAsync($"/Resources/{id}")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var forged = await anna.Http.PostAsync($"/Resources/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Name"] = name, ["Input.Description"] = "Förfalskad.", ["Input.Pricing"] = "Free",
        }));
        Assert.Contains("AccessDenied", forged.Headers.Location?.ToString() ?? forged.StatusCode.ToString(), StringComparison.Ordinal);
        Assert.Equal("Skrivövningar för åk 4–6.", (await app.StoredAsync<LearningResource>(r => r.Id == id)).Description);
        Assert.Equal(2, await app.CountStoredAsync<ResourceRevision>(r => r.ResourceId == id));
    }

    private static string Cell(AngleSharp.Dom.IElement row, string cls) => row.QuerySelector("td." + cls)!.TextContent.Trim();

    private async Task PublishV2Async(DateTime now) => await app.WithDbAsync(async db =>
    {
        var elin = await db.Users.SingleAsync(u => u.Email == "elin.svahn@sagovaven.example");
        var supplier = Actor.SupplierUser(elin.Id, elin.DisplayName, elin.SupplierId!.Value);
        var lasresan = await db.LearningResources.SingleAsync(r => r.Name == "Sagoväven Läsresan");
        var latest = await db.SupplierDescriptions.Where(d => d.ResourceId == lasresan.Id).OrderByDescending(d => d.Version).FirstAsync();
        Assert.Equal(1, latest.Version);
        Assert.True(latest.StartNextDraft(supplier, now, out var draft).Succeeded);
        Assert.True(draft!.Edit(supplier, draft.Content() with
        {
            SubProcessors = [.. draft.Content().SubProcessors, new("Supportbolaget Inc", null, "Austin, TX, USA", "Kundsupport", "US", TransferSafeguard.StandardContractualClauses)],
        }, now).Succeeded);
        db.SupplierDescriptions.Add(draft);
        Assert.True((await DescriptionPublishing.PublishAsync(db, supplier, draft, now)).Succeeded);
        return await db.SaveChangesAsync();
    });

    /// <summary>An agreement of the organizer on <paramref name="version"/> of the resource's description, taken as far as asked.</summary>
    private static async Task<Guid> AddAsync(EnsaDbContext db, string organizerSlug, Guid resourceId, int version, DateTime now,
        bool inForce = false, (string Notes, bool Share)? review = null, bool approve = false)
    {
        var organizer = await db.Organizers.SingleAsync(o => o.Slug == organizerSlug);
        var resource = await db.LearningResources.SingleAsync(r => r.Id == resourceId);
        var description = await db.SupplierDescriptions.SingleAsync(d => d.ResourceId == resourceId && d.Version == version);
        var template = await db.AgreementTemplates.OrderByDescending(t => t.Version).FirstAsync();
        var parts = new OrganizerParts(organizer.ControllerName, new ContactPerson("Avtalsansvarig", "avtal@" + organizerSlug + ".example"),
            new ContactPerson("Dataskyddsombud", "dso@" + organizerSlug + ".example"));
        Assert.True(Agreement.Create(organizer.Id, Staff, template, resource, description, parts, now, out var a).Succeeded);
        if (inForce || review is not null)
        {
            var (notes, share) = review ?? ("Godtagbart.", false);
            Assert.True(a!.StartReview(Staff, now).Succeeded);
            Assert.True(a.RecordReview(Staff, notes, now, share).Succeeded);
            Assert.True(a.RecordSecurityReview(Staff, notes + " (säkerhet)", now).Succeeded);
        }
        if (inForce || approve) Assert.True(a!.ApproveForSigning(Staff, now).Succeeded);
        if (inForce)
        {
            var today = DateOnly.FromDateTime(now);
            Assert.True(a!.RecordSigning(Staff, [new(AgreementParty.Organizer, "O", "Ordförande", today), new(AgreementParty.Supplier, "S", "VD", today)],
                "a.pdf", DemoData.DemoPdf("Signerat"), now).Succeeded);
            Assert.True(a.PutInForce(Staff, today, null, null, now).Succeeded);
        }
        db.Agreements.Add(a!);
        await db.SaveChangesAsync();
        return a!.Id;
    }
}

public sealed class SharedAssessmentsSqliteTests(EnsaAppFactory app) : SharedAssessmentsTests<EnsaAppFactory>(app);

public sealed class SharedAssessmentsPostgresTests(PostgresAppFactory app) : SharedAssessmentsTests<PostgresAppFactory>(app);
