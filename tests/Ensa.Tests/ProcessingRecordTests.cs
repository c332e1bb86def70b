using System.Net;
using System.Text;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>The record of processing (Art. 30) matches the agreements and uses. Demo data: "Nordlär Samhälle 7–9" in use
/// without a supplier description (the review speaks); "Sagoväven Läsresan" has a published description (a US
/// sub-processor under the DPF) and an agreement in force, and is put in use here; "Numerix" is described but not in use.</summary>
public sealed class ProcessingRecordTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() =>
        await app.InUseAsync("Ekbackeskolan F–3", "karin.holm@mittkoping.example", "Sagoväven Läsresan", AgreementNeed.AlreadySigned);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static AngleSharp.Dom.IElement Activity(AngleSharp.Html.Dom.IHtmlDocument page, string resource) =>
        page.QuerySelectorAll("section.activity").Single(s => s.QuerySelector("h2")!.TextContent == resource);

    [Fact]
    public async Task Record_ListsEachResourceInUse_FromItsAgreementsDescriptionOrItsReview()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync("/Privacy/Record");
        Assert.StartsWith("Grundskolenämnden, Mittköpings kommun", page.QuerySelector(".controller")!.TextContent, StringComparison.Ordinal);
        var activities = page.QuerySelectorAll("section.activity h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Nordlär Samhälle 7–9, digital del", activities);
        Assert.Contains("Sagoväven Läsresan", activities);
        Assert.DoesNotContain("Numerix Matteträning", activities); // approved nowhere in Mittköping, so not in use

        var lasresan = Activity(page, "Sagoväven Läsresan");
        Assert.Equal("Leverantörens beskrivning, version 1", lasresan.QuerySelector(".source")!.TextContent);
        Assert.Contains("Läshistorik och lästid", lasresan.QuerySelector(".personal-data")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sagoväven AB (SE)", lasresan.QuerySelector(".recipients")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Postverket Mail Inc. (US): EU–US Data Privacy Framework", lasresan.QuerySelector(".transfers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ekbackeskolan F–3", lasresan.TextContent, StringComparison.Ordinal);

        var samhalle = Activity(page, "Nordlär Samhälle 7–9, digital del");
        Assert.StartsWith("Granskningen", samhalle.QuerySelector(".source")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Namn, klass, inloggnings-id, resultat", samhalle.QuerySelector(".personal-data")!.TextContent);
    }

    [Fact]
    public async Task Csv_HasOneRowPerResourceInUse()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var response = await sara.Http.GetAsync("/Privacy/Record?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // One row per activity the record page lists.
        Assert.Equal((await sara.GetPageAsync("/Privacy/Record")).QuerySelectorAll("section.activity").Length, lines.Length - 1);
        Assert.StartsWith("resource;supplier;supplierCountry;units", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Sagoväven Läsresan;Sagoväven AB;SE;Ekbackeskolan F–3;1;InForce;", StringComparison.Ordinal) && l.Contains("DataPrivacyFramework", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Numerix", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pdf_HasTheControllerAndEveryActivityWithItsRecipientsAndTransfers()
    {
        PdfText.RequireTools();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var response = await sara.Http.GetAsync("/Privacy/Record?handler=Pdf");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(), app.DataDirectory);
        foreach (var expected in new[] { "Grundskolenämnden, Mittköpings kommun", "Nordlär Samhälle 7–9, digital del", "Sagoväven Läsresan",
                     "Namn, klass, inloggnings-id, resultat", "Läshistorik och lästid", "Postverket Mail Inc. (US)" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_OtherOrganizerOrWrongRole_ShowsNoneOfIt()
    {
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB"); // also a reviewer there
        var page = await fredrik.GetPageAsync("/Privacy/Record");
        Assert.Empty(page.QuerySelectorAll("section.activity"));
        Assert.Contains("Lärande Norr AB", page.QuerySelector(".controller")!.TextContent, StringComparison.Ordinal);

        using var anna = await app.SignInAs(Roles.Requester);
        Assert.StartsWith("/Account/AccessDenied", (await anna.Http.GetAsync("/Privacy/Record")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_InEnglish_NamesTheTransferGroundInEnglish()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.SubmitAsync("/", "form.language", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        var page = await sara.GetPageAsync("/Privacy/Record");
        Assert.Contains("EU–US Data Privacy Framework", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
