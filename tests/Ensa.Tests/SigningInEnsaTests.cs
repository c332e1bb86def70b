using System.Net;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>Signing inside Ensa (ADR 14): the organizer's signatory and the supplier's admin each sign, with their
/// accounts and a second factor, the exact document fixed at the first signature; the last signature makes the final PDF,
/// sealed, which verifies and breaks when one byte changes. Refusals change nothing.</summary>
public abstract class SigningInEnsaTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Sara = "sara.nilsson@mittkoping.example";
    private static string SignPage(Guid id) => $"/Agreements/{id}/Sign";
    private static string SupplierPage(Guid id) => $"/Supplier/Agreements/{id}";

    /// <summary>A new agreement of Mittköping's for Numerix Matteträning, reviewed and approved for signing.</summary>
    private Task<Guid> ReadyToSignAsync() => app.WithDbAsync(async db =>
    {
        var resource = await db.LearningResources.SingleAsync(r => r.Name == "Numerix Matteträning");
        var description = await db.SupplierDescriptions.Where(d => d.ResourceId == resource.Id && d.PublishedAt != null)
            .OrderByDescending(d => d.Version).FirstAsync();
        var template = await db.AgreementTemplates.OrderByDescending(t => t.Version).FirstAsync();
        var organizer = await db.Organizers.SingleAsync(o => o.Slug == DemoData.MittkopingSlug);
        var sara = await RequestScenarios.ActorAsync(db, Sara, Role.CentralReviewer, Role.SecurityCoordinator, Role.OrganizerAdmin);
        var now = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10);
        var parts = new OrganizerParts("Grundskolenämnden", new ContactPerson("Lisa Avtal", "lisa.avtal@mittkoping.example"),
            new ContactPerson("Dataskyddsombudet", "dso@mittkoping.example"));
        Assert.True(Agreement.Create(organizer.Id, sara, template, resource, description, parts, now, out var agreement).Succeeded);
        foreach (var step in new Func<Result>[]
                 {
                     () => agreement!.StartReview(sara, now), () => agreement!.RecordReview(sara, "Godtagbart.", now),
                     () => agreement!.RecordSecurityReview(sara, "Godtagbart.", now), () => agreement!.ApproveForSigning(sara, now),
                 })
            Assert.True(step().Succeeded);
        db.Agreements.Add(agreement!);
        await db.SaveChangesAsync();
        return agreement!.Id;
    });

    private static async Task<HttpResponseMessage> SignAsync(EnsaClient client, string page, string title = "Förvaltningschef",
        string? hash = null)
    {
        var values = new Dictionary<string, string> { ["Title"] = title, ["Confirmed"] = "true" };
        if (hash is not null) values["DocumentSha256"] = hash;
        return await client.SubmitAsync(page, "form[action*='handler=Sign']", values);
    }

    private Task<Agreement> StoredAsync(Guid id) => app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
        .Include(a => a.Signatories).Include(a => a.SigningDocument).AsSplitQuery().AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<byte[]?> SealedAsync(Guid id) => app.WithDbAsync(db => db.SignedAgreementDocuments.IgnoreQueryFilters()
        .Where(d => d.AgreementId == id).Select(d => d.Content).SingleOrDefaultAsync());

    [Fact]
    public async Task BothPartiesSignInEnsa_TheFinalPdfIsSealed_AndOneChangedByteBreaksTheSeal()
    {
        app.RequireDatabase();
        PdfText.RequireTools();
        var id = await ReadyToSignAsync();
        using var gunilla = await app.SignatoryAsync("gunilla");
        var page = await gunilla.GetPageAsync(SignPage(id));
        var hash = page.QuerySelector(".document-hash code")!.TextContent.Trim();
        Assert.Matches("^[0-9a-f]{64}$", hash);
        // The document read is the one whose hash is shown.
        var html = await gunilla.Http.GetStringAsync($"{SignPage(id)}?handler=Document");
        Assert.Equal(hash, SignedAgreementDocument.Hash(html));
        Assert.Contains("Numerix Matteträning", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(gunilla, SignPage(id))).StatusCode);
        var half = await StoredAsync(id);
        Assert.Equal(AgreementStatus.ReadyToSign, half.Status);
        var first = Assert.Single(half.Signatories);
        Assert.Equal((AgreementParty.Organizer, "Förvaltningschef", "Mittköpings kommun", SignatureMethod.EnsaAccountWithTotp, hash),
            (first.Party, first.Title, first.Organisation, first.Method, first.DocumentSha256));
        Assert.Equal(hash, half.SigningDocument!.Sha256);

        // The supplier's admin reads exactly the bytes the organizer signed, and signs them.
        using var nils = await app.SupplierUserAsync(admin: true);
        var supplierPage = await nils.GetPageAsync(SupplierPage(id));
        Assert.Equal(hash, supplierPage.QuerySelector(".document-hash code")!.TextContent.Trim());
        Assert.Equal(html, await nils.Http.GetStringAsync($"{SupplierPage(id)}?handler=Document"));
        Assert.Contains("väntar på er underskrift", EnsaClient.Text(await nils.GetPageAsync("/Supplier"), ".supplier-agreements"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(nils, SupplierPage(id), "VD")).StatusCode);

        var signed = await StoredAsync(id);
        Assert.Equal(AgreementStatus.Signed, signed.Status);
        Assert.Equal(2, signed.Signatories.Count);
        var pdf = (await SealedAsync(id))!;
        Assert.Equal(signed.SignedDocumentSha256, SignedAgreementDocument.Hash(pdf));
        var seal = app.Services.GetRequiredService<AgreementSeal>();
        var check = AgreementSeal.Verify(pdf);
        Assert.True(check.Intact);
        Assert.True(seal.IsSealedByEnsa(pdf));
        var text = await PdfText.ExtractAsync(pdf, Path.GetTempPath());
        Assert.Contains("Underskrifter", text, StringComparison.Ordinal);
        Assert.Contains("Nils Numerix", text, StringComparison.Ordinal);
        Assert.Contains("Förvaltningschef", text, StringComparison.Ordinal);
        Assert.Contains(hash, text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // One changed byte inside the signed range, or bytes appended after it, and the seal no longer holds.
        var changed = (byte[])pdf.Clone();
        var at = System.Text.Encoding.Latin1.GetString(pdf).IndexOf("/Type", StringComparison.Ordinal);
        changed[at + 1] = (byte)'X';
        Assert.False(AgreementSeal.Verify(changed).Intact);
        Assert.False(AgreementSeal.Verify([.. pdf, .. "%extra\n"u8.ToArray()]).Intact);

        // Both parties download the sealed copy; the agreement page tells the kept copy from a changed one.
        Assert.Equal(pdf, await nils.Http.GetByteArrayAsync($"{SupplierPage(id)}?handler=Signed"));
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.Contains("är det avtal som undertecknades", await VerifyAsync(sara, id, pdf), StringComparison.Ordinal);
        Assert.Contains("förseglad men har ändrats", await VerifyAsync(sara, id, changed), StringComparison.Ordinal);
        Assert.Contains("är inte det avtal", await VerifyAsync(sara, id, DemoData.DemoPdf("Något annat")), StringComparison.Ordinal);
    }

    private static async Task<string> VerifyAsync(EnsaClient client, Guid id, byte[] pdf)
    {
        var response = await client.SubmitWithFileAsync($"/Agreements/{id}", "form[action*='handler=Verify']", new Dictionary<string, string>(),
            "VerifyFile", "kopia.pdf", pdf);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return EnsaClient.Text(await client.GetPageAsync(response.Headers.Location!.OriginalString), "main");
    }

    [Fact]
    public async Task WithoutASecondFactor_OrTheRole_NobodySigns()
    {
        app.RequireDatabase();
        var id = await ReadyToSignAsync();
        // A reviewer is not a signatory: the page says so and offers no form; a forged post is refused.
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync(SignPage(id));
        Assert.Null(page.QuerySelector("form[action*='handler=Sign']"));
        Assert.Contains("saknar du behörighet", EnsaClient.Text(page, "main"), StringComparison.Ordinal);

        // A signatory signed in with a password only is refused (the second factor is asked for).
        using var password = await app.SignatoryAsync("pwd", secondFactor: false);
        var response = await password.Http.GetAsync(SignPage(id));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var shown = await EnsaClient.ParseAsync(response);
            Assert.Null(shown.QuerySelector("form[action*='handler=Sign']"));
            Assert.Contains("tvåfaktorsautentisering", EnsaClient.Text(shown, "main"), StringComparison.Ordinal);
        }
        else Assert.StartsWith("/Account/TwoFactor", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // A supplier user who is not its admin may read but not sign; another supplier's user finds nothing.
        using var plain = await app.SupplierUserAsync(admin: false);
        Assert.Null((await plain.GetPageAsync(SupplierPage(id))).QuerySelector("form[action*='handler=Sign']"));
        using var other = await app.SupplierUserAsync(admin: true, supplier: "Sagoväven AB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(SupplierPage(id))).StatusCode);
        // Another organizer's signatory finds nothing either.
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync(SignPage(id))).StatusCode);

        var stored = await StoredAsync(id);
        Assert.Empty(stored.Signatories);
        Assert.Null(stored.SigningDocument);
        Assert.Equal(AgreementStatus.ReadyToSign, stored.Status);
    }

    [Fact]
    public async Task ADocumentChangedSinceItWasRead_OrNoConfirmation_IsRefused_AndTheUploadWayClosesOnceSigningStarted()
    {
        app.RequireDatabase();
        var id = await ReadyToSignAsync();
        using var gunilla = await app.SignatoryAsync("gunilla");
        var stale = await SignAsync(gunilla, SignPage(id), hash: new string('a', 64));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("ändrades efter att du läste det", EnsaClient.Text(await EnsaClient.ParseAsync(stale), "main"), StringComparison.Ordinal);
        var unconfirmed = await gunilla.SubmitAsync(SignPage(id), "form[action*='handler=Sign']",
            new Dictionary<string, string> { ["Title"] = "Chef", ["Confirmed"] = "false" });
        Assert.Contains("Kryssa i", EnsaClient.Text(await EnsaClient.ParseAsync(unconfirmed), "main"), StringComparison.Ordinal);
        var tooLong = await SignAsync(gunilla, SignPage(id), title: new string('x', AgreementSignatory.TitleMaxLength + 1));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Empty((await StoredAsync(id)).Signatories);

        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(gunilla, SignPage(id))).StatusCode);
        // The same party cannot sign twice, and nobody may now record a copy signed outside Ensa instead.
        using var second = await app.SignatoryAsync("bertil");
        Assert.Null((await second.GetPageAsync(SignPage(id))).QuerySelector("form[action*='handler=Sign']"));
        var agreement = await StoredAsync(id);
        var sara = await app.ActorAsync(Sara, Role.OrganizerAdmin);
        var refused = agreement.RecordSigning(sara, [], "x.pdf", DemoData.DemoPdf("x"), app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal("Agreement.SigningInEnsaStarted", refused.Error?.Code);
        Assert.Single((await StoredAsync(id)).Signatories);
    }
}

public sealed class SigningInEnsaSqliteTests(EnsaAppFactory app) : SigningInEnsaTests<EnsaAppFactory>(app);

public sealed class SigningInEnsaPostgresTests(PostgresAppFactory app) : SigningInEnsaTests<PostgresAppFactory>(app);
