using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The organizer's agreement pages over HTTP, on the demo data: Mittköping has an agreement in force for
/// "Sagoväven Läsresan"; "Numerix Matteträning" has a published description and no agreement.</summary>
public sealed class AgreementPageTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static string Form(string handler) => $"form[action$='handler={handler}']";

    private Task<Guid> DemoAgreementAsync() => app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
        .Where(a => a.ResourceId == db.LearningResources.Where(r => r.Name == "Sagoväven Läsresan").Select(r => r.Id).First())
        .Where(a => a.Status == AgreementStatus.InForce).Select(a => a.Id).FirstAsync());

    private Task<Guid> ResourceAsync(string name) => app.WithDbAsync(db => db.LearningResources.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    private DateOnly Today => SwedishCalendar.Today(app.Clock);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> CreateAsync(EnsaClient client, string resource)
    {
        var response = await client.SubmitAsync("/Agreements/New", "main form", new Dictionary<string, string> { ["ResourceId"] = (await ResourceAsync(resource)).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static string Status(AngleSharp.Dom.IDocument page) => page.QuerySelector(".agreement-status strong")!.TextContent.Trim();

    private static string Errors(AngleSharp.Dom.IDocument page) => EnsaClient.Text(page, ".errors");

    [Theory]
    [InlineData(Roles.CentralReviewer, true)]
    [InlineData(Roles.SecurityCoordinator, true)]
    [InlineData(Roles.OrganizerAdmin, true)]
    [InlineData(Roles.Requester, false)]
    [InlineData(Roles.Principal, false)]
    [InlineData(Roles.SupplierUser, false)]
    public async Task AgreementList_ByRole_ShownOrRefused(string role, bool allowed)
    {
        using var client = await app.SignInAs(role);
        var response = await client.Http.GetAsync("/Agreements");
        if (!allowed)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync($"/Agreements/{await DemoAgreementAsync()}")).StatusCode);
            return;
        }
        var page = await EnsaClient.ParseAsync(response);
        Assert.Contains("Sagoväven Läsresan", EnsaClient.Text(page, "table.agreements"), StringComparison.Ordinal);
        Assert.Contains("Gäller", EnsaClient.Text(page, "table.agreements"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agreement_OfAnotherOrganizer_Answers404()
    {
        var id = await DemoAgreementAsync();
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Agreements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Agreements/{id}/Document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Agreements/{id}?handler=Signed")).StatusCode);
        Assert.DoesNotContain("Sagoväven Läsresan", EnsaClient.Text(await fredrik.GetPageAsync("/Agreements"), "main"), StringComparison.Ordinal);
        // Nor can it act on it, even with a valid token of its own: the post answers 404 before the domain is asked.
        var form = (await fredrik.GetPageAsync("/Agreements")).QuerySelector<IHtmlFormElement>("form[action='/Account/Logout']")!;
        form.Action = $"/Agreements/{id}?handler=Terminate";
        var response = await fredrik.SubmitAsync("/Agreements", form, new Dictionary<string, string>
        {
            ["TerminatedOn"] = "2026-01-01", ["Disposition"] = "Deleted", ["Confirmation"] = "x",
        });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Lifecycle_FromPublishedDescription_ReviewSignInForceTerminate()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);

        // The security coordinator cannot start an agreement.
        Assert.Equal(HttpStatusCode.Redirect, (await ahmed.Http.GetAsync("/Agreements/New")).StatusCode);

        var url = await CreateAsync(sara, "Numerix Matteträning");
        var page = await sara.GetPageAsync(url);
        Assert.Equal("Utkast", Status(page));
        Assert.Contains("Per Gran", EnsaClient.Text(page, "table.deviations"), StringComparison.Ordinal);

        // A deviation from the supplier's description, shown field by field.
        page = await sara.FollowAsync(await sara.SubmitAsync(url, Form("Deviation"), new Dictionary<string, string>
        {
            ["Deviation.Field"] = "Retention", ["Deviation.OrganizerValue"] = "Högst ett läsår.", ["Deviation.Reason"] = "Huvudmannens gallringsplan.",
        }));
        var deviating = page.QuerySelector("table.deviations tr.deviates")!.TextContent;
        Assert.Contains("Lagringstid", deviating, StringComparison.Ordinal);
        Assert.Contains("Högst ett läsår.", deviating, StringComparison.Ordinal);

        page = await sara.FollowAsync(await sara.SubmitAsync(url, Form("StartReview")));
        Assert.Equal("Granskas", Status(page));

        // Approval needs both reviews (it is not offered before, and a forged post is refused); the security coordinator
        // cannot approve and the reviewer cannot record security.
        Assert.Null((await ahmed.GetPageAsync(url)).QuerySelector(Form("Approve")));
        Assert.Null((await sara.GetPageAsync(url)).QuerySelector(Form("Approve")));
        Assert.Null((await sara.GetPageAsync(url)).QuerySelector(Form("Security")));
        page = await EnsaClient.ParseAsync(await sara.PostHandlerAsync(url, "Approve"));
        Assert.Contains("granskning", Errors(page), StringComparison.OrdinalIgnoreCase);

        await sara.FollowAsync(await sara.SubmitAsync(url, Form("Review"), new Dictionary<string, string> { ["Notes"] = "Intern: rimlig behandling." }));
        await ahmed.FollowAsync(await ahmed.SubmitAsync(url, Form("Security"), new Dictionary<string, string> { ["Notes"] = "Godtagbar säkerhet." }));
        page = await sara.FollowAsync(await sara.SubmitAsync(url, Form("Approve")));
        Assert.Equal("Klart att signera", Status(page));

        // Signing: a file that is not a PDF is refused by its content, whatever its name.
        var signing = new Dictionary<string, string>
        {
            ["Signing.OrganizerName"] = "Gunilla Ståhl", ["Signing.OrganizerTitle"] = "Ordförande", ["Signing.OrganizerSignedOn"] = Day(Today),
            ["Signing.SupplierName"] = "Per Gran", ["Signing.SupplierTitle"] = "VD", ["Signing.SupplierSignedOn"] = Day(Today),
        };
        page = await EnsaClient.ParseAsync(await lisa.SubmitWithFileAsync(url, Form("Sign"), signing, "Signing.Document", "avtal.pdf", "MZ not a pdf"u8.ToArray()));
        Assert.Contains("PDF", Errors(page), StringComparison.Ordinal);
        var tooLarge = new byte[SignedAgreementDocument.MaxBytes + 1];
        "%PDF-1.4\n"u8.CopyTo(tooLarge);
        page = await EnsaClient.ParseAsync(await lisa.SubmitWithFileAsync(url, Form("Sign"), signing, "Signing.Document", "stor.pdf", tooLarge));
        Assert.Contains("20 MB", Errors(page), StringComparison.Ordinal);
        // A request too large even to read gets the limit in words (413), not a bare 400 or a 500.
        var huge = await lisa.SubmitWithFileAsync(url, Form("Sign"), signing, "Signing.Document", "enorm.pdf", new byte[SignedAgreementDocument.MaxBytes + 3 * 1024 * 1024]);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("högst 20 MB", EnsaClient.Text(await EnsaClient.ParseAsync(huge), "main p"), StringComparison.Ordinal);
        var pdf = Ensa.Demo.DemoData.DemoPdf("Signerat avtal");
        page = await lisa.FollowAsync(await lisa.SubmitWithFileAsync(url, Form("Sign"), signing, "Signing.Document", "avtal.pdf", pdf));
        Assert.Equal("Signerat", Status(page));
        Assert.Equal(SignedAgreementDocument.Hash(pdf), page.QuerySelector("code.sha256")!.TextContent);
        Assert.Contains("Per Gran, VD", EnsaClient.Text(page, "ul.signatories"), StringComparison.Ordinal);
        var download = await lisa.Http.GetAsync(url + "?handler=Signed");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        page = await lisa.FollowAsync(await lisa.SubmitAsync(url, Form("InForce"), new Dictionary<string, string>
        {
            ["InForceFrom"] = Day(Today), ["ReviewDate"] = Day(Today.AddYears(1)), ["EndDate"] = Day(Today.AddYears(2)),
        }));
        Assert.Equal("Gäller", Status(page));

        page = await EnsaClient.ParseAsync(await lisa.SubmitAsync(url, Form("Terminate"), new Dictionary<string, string> { ["TerminatedOn"] = Day(Today) }));
        Assert.Contains("bekräft", Errors(page), StringComparison.OrdinalIgnoreCase);
        page = await lisa.FollowAsync(await lisa.SubmitAsync(url, Form("Terminate"), new Dictionary<string, string>
        {
            ["TerminatedOn"] = Day(Today), ["Disposition"] = nameof(DataDisposition.Deleted), ["Confirmation"] = "Intyg från Per Gran per e-post.",
        }));
        Assert.Equal("Avslutat", Status(page));
        Assert.Contains("Intyg från Per Gran", EnsaClient.Text(page, ".facts"), StringComparison.Ordinal);
        var timeline = EnsaClient.Text(page, "ol.timeline");
        foreach (var step in new[] { "Skapat", "Avvikelse registrerad", "Granskning påbörjad", "Godkänt för signering", "Signerat", "Trätt i kraft", "Avslutat" })
            Assert.Contains(step, timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_EachRoleRecordsOnlyItsOwnPart()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        var url = await CreateAsync(sara, "Numerix Matteträning");
        await sara.FollowAsync(await sara.SubmitAsync(url, Form("StartReview")));

        // The security coordinator sees its own form only; a forged post of the reviewer's step is refused by the domain.
        var page = await ahmed.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector(Form("Security")));
        Assert.Null(page.QuerySelector(Form("Review")));
        Assert.Null(page.QuerySelector(Form("Parts")));
        var form = page.QuerySelector<IHtmlFormElement>(Form("Security"))!;
        form.Action = url + "?handler=Approve";
        page = await EnsaClient.ParseAsync(await ahmed.SubmitAsync(url, form));
        Assert.Contains("granskare", Errors(page), StringComparison.OrdinalIgnoreCase);
        form = (await ahmed.GetPageAsync(url)).QuerySelector<IHtmlFormElement>(Form("Security"))!;
        form.Action = url + "?handler=Parts";
        page = await EnsaClient.ParseAsync(await ahmed.SubmitAsync(url, form));
        Assert.NotEmpty(Errors(page));

        page = await ahmed.FollowAsync(await ahmed.SubmitAsync(url, Form("Security"), new Dictionary<string, string> { ["Notes"] = "Kryptering i vila och under överföring." }));
        Assert.Contains("Kryptering i vila", EnsaClient.Text(page, "main"), StringComparison.Ordinal);
        // The reviewer's refusal to approve without its own review, and the sending back to the supplier.
        page = await sara.FollowAsync(await sara.SubmitAsync(url, Form("Return"), new Dictionary<string, string> { ["Comment"] = "Ange lagringsplats för loggar." }));
        Assert.Equal("Skickat till leverantören", Status(page));
        // The supplier (Numerix has no portal user in the demo; one is made here) sees what to change, not the review.
        var numerix = await app.WithDbAsync(db => db.Suppliers.Where(s => s.Name.StartsWith("Numerix")).Select(s => s.Id).SingleAsync());
        var user = await app.CreateUserWithPasswordAsync("per.gran@numerix.example", "Numerix-lösenord-2026!", Role.Requester);
        await app.WithDbAsync(async db =>
        {
            await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id).ExecuteDeleteAsync();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SupplierId, numerix));
            return true;
        });
        using var per = app.NewClient();
        await per.SignInWithPasswordAsync("per.gran@numerix.example", "Numerix-lösenord-2026!");
        await per.SetUpTwoFactorAsync(); // every supplier user needs it
        var portal = EnsaClient.Text(await per.GetPageAsync("/Supplier"), "main");
        Assert.Contains("Ange lagringsplats för loggar.", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("Kryptering i vila", portal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Requester)]
    [InlineData(Roles.Principal)]
    public async Task Step_ByRequesterOrPrincipal_IsRefused(string role)
    {
        var id = await DemoAgreementAsync();
        using var client = await app.SignInAs(role);
        // A valid token of their own, posted to an agreement step.
        var form = (await client.GetPageAsync("/")).QuerySelector<IHtmlFormElement>("form[action='/Account/Logout']")!;
        form.Action = $"/Agreements/{id}?handler=Terminate";
        var response = await client.SubmitAsync("/", form, new Dictionary<string, string>
        {
            ["TerminatedOn"] = "2026-01-01", ["Disposition"] = "Deleted", ["Confirmation"] = "x",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.InForce, await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Draft_WithoutDescription_IsSentToSupplier()
    {
        var resource = await app.WithDbAsync(db => db.LearningResources
            .Where(r => r.SupplierId != null && !db.SupplierDescriptions.Any(d => d.ResourceId == r.Id)).Select(r => r.Name).FirstAsync());
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var url = await CreateAsync(lisa, resource);
        var page = await lisa.GetPageAsync(url);
        Assert.Null(page.QuerySelector(Form("StartReview")));
        page = await lisa.FollowAsync(await lisa.SubmitAsync(url, Form("Send")));
        Assert.Equal("Skickat till leverantören", Status(page));
    }

    [Fact]
    public async Task Remind_HeldBackForADay_PageSaysWhenItWasSentAndWhenItMayGoAgain()
    {
        var resource = await app.WithDbAsync(db => db.LearningResources
            .Where(r => r.SupplierId != null && !db.SupplierDescriptions.Any(d => d.ResourceId == r.Id)).Select(r => r.Name).Skip(1).FirstAsync());
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var url = await CreateAsync(lisa, resource);
        Assert.Null((await lisa.GetPageAsync(url)).QuerySelector(".reminder-wait"));
        var id = Guid.Parse(url.Split('/').Last());
        Task<DateTime> LastAsync(AgreementEventKind kind) => app.WithDbAsync(db => db.Set<AgreementEvent>().IgnoreQueryFilters()
            .Where(e => e.AgreementId == id && e.Kind == kind).MaxAsync(e => e.At));
        static string When(DateTime at) => Ensa.Web.Forms.Format.DateTime(at);

        var page = await lisa.FollowAsync(await lisa.SubmitAsync(url, Form("Send")));
        var sent = await LastAsync(AgreementEventKind.SentToSupplier);
        Assert.Null(page.QuerySelector(Form("Remind")));
        Assert.Equal($"Leverantören fick besked {When(sent)}; du kan påminna {When(sent.AddDays(1))}.", EnsaClient.Text(page, ".reminder-wait"));

        var offset = app.Clock.Offset;
        try
        {
            app.Clock.Offset += TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1);
            // A day later the sign-in has expired: sign in again.
            using var later = await app.SignInAs(Roles.OrganizerAdmin);
            page = await later.GetPageAsync(url);
            Assert.NotNull(page.QuerySelector(Form("Remind")));
            Assert.Null(page.QuerySelector(".reminder-wait"));

            page = await later.FollowAsync(await later.SubmitAsync(url, Form("Remind")));
            var reminded = await LastAsync(AgreementEventKind.SupplierReminded);
            Assert.Null(page.QuerySelector(Form("Remind")));
            Assert.Equal($"Påminnelse skickad {When(reminded)}; du kan påminna igen {When(reminded.AddDays(1))}.", EnsaClient.Text(page, ".reminder-wait"));
            await later.SubmitAsync(url, "form.language", new Dictionary<string, string> { ["culture"] = "en" });
            Assert.Equal($"Reminder sent {When(reminded)}; you can remind again {When(reminded.AddDays(1))}.",
                EnsaClient.Text(await later.GetPageAsync(url), ".reminder-wait"));
            await later.SubmitAsync(url, "form.language", new Dictionary<string, string> { ["culture"] = "sv-SE" });
        }
        finally
        {
            app.Clock.Offset = offset;
        }
    }

    [Fact]
    public async Task Draft_BeforeTheSupplierDescribed_TakesTheDescriptionOncePublished()
    {
        var resource = await app.WithDbAsync(db => db.LearningResources
            .Where(r => r.SupplierId != null && !db.SupplierDescriptions.Any(d => d.ResourceId == r.Id)).OrderByDescending(r => r.Name).Select(r => r.Name).FirstAsync());
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var url = await CreateAsync(sara, resource);
        Assert.Null((await sara.GetPageAsync(url)).QuerySelector(Form("UseLatest")));
        await app.WithDbAsync(async db =>
        {
            var r = await db.LearningResources.SingleAsync(x => x.Name == resource);
            var supplier = Actor.SupplierUser(Guid.NewGuid(), "Leverantören", r.SupplierId!.Value);
            Assert.True(SupplierDescription.StartFirstDraft(supplier, r, app.Clock.GetUtcNow().UtcDateTime, out var draft).Succeeded);
            var v1 = await db.SupplierDescriptions.FirstAsync(d => d.PublishedAt != null);
            Assert.True(draft!.Edit(supplier, v1.Content(), app.Clock.GetUtcNow().UtcDateTime).Succeeded);
            db.SupplierDescriptions.Add(draft);
            Assert.True((await DescriptionPublishing.PublishAsync(db, supplier, draft, app.Clock.GetUtcNow().UtcDateTime)).Succeeded);
            await db.SaveChangesAsync();
            return true;
        });
        var page = await sara.FollowAsync(await sara.SubmitAsync(url, Form("UseLatest")));
        Assert.Contains("Leverantörens nya beskrivning används", EnsaClient.Text(page, "ol.timeline"), StringComparison.Ordinal);
        page = await sara.FollowAsync(await sara.SubmitAsync(url, Form("StartReview")));
        Assert.Equal("Granskas", Status(page));
    }

    [Fact]
    public async Task Document_ShowsPartiesInstructionsSubProcessorsAndSignatures()
    {
        var id = await DemoAgreementAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync($"/Agreements/{id}/Document");
        var text = page.Body!.TextContent;
        var expected = await ExpectedTextsAsync(id);
        foreach (var t in expected) Assert.Contains(t, text, StringComparison.Ordinal);
        Assert.Contains("Gunilla Ståhl", EnsaClient.Text(page, ".signatures"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("style"));
        Assert.True(page.QuerySelector("link[href^='/css/agreement']") is not null, page.Head!.OuterHtml);
    }

    [Fact]
    public async Task Pdf_ContainsPartiesInstructionsAndEverySubProcessor()
    {
        PdfText.RequireTools();
        var id = await DemoAgreementAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var response = await sara.Http.GetAsync($"/Agreements/{id}/Document?handler=Pdf");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(SignedAgreementDocument.Check(bytes).Succeeded);
        var flat = await PdfText.ExtractAsync(bytes, app.DataDirectory);
        foreach (var t in await ExpectedTextsAsync(id))
            Assert.Contains(PdfText.Flat(t), flat, StringComparison.Ordinal);
    }

    /// <summary>The parties, a few instructions and the name of every sub-processor of the agreement's description.</summary>
    private Task<List<string>> ExpectedTextsAsync(Guid id) => app.WithDbAsync(async db =>
    {
        var agreement = await db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.Id == id);
        var description = await db.SupplierDescriptions.SingleAsync(d => d.Id == agreement.DescriptionId);
        var organizer = await db.Organizers.SingleAsync(o => o.Id == agreement.OrganizerId);
        var supplier = await db.Suppliers.SingleAsync(s => s.Id == agreement.SupplierId);
        Assert.NotEmpty(description.SubProcessors);
        List<string> texts = [organizer.Name, supplier.Name, agreement.ControllerName, description.ProcessingOperations[0], description.PersonalData[0].Name, "Bilaga 1", "Bilaga 2"];
        texts.AddRange(description.SubProcessors.Select(s => s.Name));
        return texts;
    });
}

/// <summary>Choices in the agreement page's tables by their names, not as stored (on its own app: it publishes a new
/// version of Läsresan).</summary>
public sealed class AgreementPageValueTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task Details_DescriptionAndVersionChange_ShowChoicesByName()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);
        var id = await app.WithDbAsync(async db =>
        {
            var elin = await db.Users.SingleAsync(u => u.Email == "elin.svahn@sagovaven.example");
            var supplier = Actor.SupplierUser(elin.Id, elin.DisplayName, elin.SupplierId!.Value);
            var lasresan = await db.LearningResources.SingleAsync(r => r.Name == "Sagoväven Läsresan");
            var v1 = await db.SupplierDescriptions.SingleAsync(d => d.ResourceId == lasresan.Id);
            Assert.True(v1.StartNextDraft(supplier, now, out var draft).Succeeded);
            var content = draft!.Content();
            Assert.True(draft.Edit(supplier, content with
            {
                Locations = [.. content.Locations.Select(l => l with { Use = LocationUse.Storage })],
                SubProcessors = [.. content.SubProcessors, new SubProcessor("Nya Molnet Inc", null, "Cloud St 1, Austin", "Säkerhetskopior", "US",
                    TransferSafeguard.StandardContractualClauses)],
            }, now).Succeeded);
            db.SupplierDescriptions.Add(draft);
            Assert.True((await DescriptionPublishing.PublishAsync(db, supplier, draft, now)).Succeeded);
            await db.SaveChangesAsync();
            return await db.Agreements.IgnoreQueryFilters().Where(a => a.ResourceId == lasresan.Id).Select(a => a.Id).SingleAsync();
        });
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);

        var page = await lisa.GetPageAsync($"/Agreements/{id}");

        var changes = EnsaClient.Text(page, "table.changes");
        Assert.Contains("Behandling, Lagring", changes, StringComparison.Ordinal);
        Assert.Contains("Standardavtalsklausuler", changes, StringComparison.Ordinal);
        var description = EnsaClient.Text(page, "table.deviations");
        Assert.Contains("Behandling, Lagring", description, StringComparison.Ordinal);
        foreach (var raw in new[] { "Processing", "Storage", nameof(TransferSafeguard.StandardContractualClauses) })
        {
            Assert.DoesNotContain(raw, changes, StringComparison.Ordinal);
            Assert.DoesNotContain(raw, description, StringComparison.Ordinal);
        }
    }
}
