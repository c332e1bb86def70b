using System.Net;
using AngleSharp.Dom;
using Ensa.Agreements;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>The supplier portal: Mittköping sends Sagoväven an agreement for "Sagoväven Bokstavslek" and Sagoväven's own
/// user is told by e-mail; she fills in the description and publishes it, and the agreement is ready for review. A
/// supplier sees only its own resources, and never an organizer's internal review.</summary>
public sealed class SupplierPortalTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static string Form(string handler) => $"form[action$='handler={handler}']";

    [Fact]
    public async Task SendToSupplier_SuppliersOwnPeopleDescribeAndPublish_AgreementReadyForReview()
    {
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var created = await lisa.SubmitAsync("/Agreements/New", "main form", new Dictionary<string, string> { ["ResourceId"] = (await app.ResourceIdAsync("Sagoväven Bokstavslek")).ToString() });
        var url = created.Headers.Location!.OriginalString;
        var draft = await lisa.GetPageAsync(url);
        Assert.Contains("Antal personer som företräder Sagoväven AB i Ensa: 1.", EnsaClient.Text(draft, ".agreement-step"), StringComparison.Ordinal);
        await lisa.FollowAsync(await lisa.SubmitAsync(url, Form("Send")));

        // Sagoväven's own user is told, with a link from Ensa's public address; nobody the organizer names is.
        const string email = "elin.svahn@sagovaven.example";
        var body = (await app.MailToAsync(email)).Select(m => m.TextBody);
        Assert.Contains(body, b => b.Contains("Sagoväven Bokstavslek", StringComparison.Ordinal)
                                   && b.Contains(EnsaAppFactory.PublicUrl + "/Supplier", StringComparison.Ordinal));
        // A reminder the same day is not offered, and a forged one is refused with the reason.
        Assert.Null((await lisa.GetPageAsync(url)).QuerySelector(Form("Remind")));
        var reminded = await EnsaClient.ParseAsync(await lisa.PostHandlerAsync(url, "Remind"));
        Assert.Contains("mindre än ett dygn", EnsaClient.Text(reminded, ".errors"), StringComparison.Ordinal);

        using var sam = await app.SignInAs(Roles.SupplierUser);
        var portal = await sam.GetPageAsync("/Supplier");
        Assert.Contains("Mittköpings kommun – Sagoväven Bokstavslek", EnsaClient.Text(portal, "ul.waiting"), StringComparison.Ordinal);

        var describe = $"/Supplier/Describe/{await app.ResourceIdAsync("Sagoväven Bokstavslek")}";
        var description = new Dictionary<string, string>
        {
            ["Input.SubjectMatter"] = "Läsinlärning i appen.", ["Input.Nature"] = "Lagring av elevens framsteg.", ["Input.Purposes"] = "Att eleven ska lära sig läsa.",
            ["Input.DataSubjects"] = "Pupils",
            ["Input.PersonalData[0].Name"] = "Elevens förnamn", ["Input.PersonalData[1].Name"] = "Personnummer", ["Input.PersonalData[1].PersonalIdentityNumber"] = "true",
            ["Input.ProcessingOperations"] = "Lagring\nSammanställning av framsteg",
            ["Input.Retention"] = "Så länge skolan använder appen.", ["Input.Deletion"] = "Raderas inom 30 dagar efter avslut.",
            ["Input.Locations[0].Description"] = "Datacenter i Stockholm", ["Input.Locations[0].CountryCode"] = "se", ["Input.Locations[0].Storage"] = "true",
            ["Input.SecurityMeasures"] = "Kryptering", ["Input.Logging"] = "Inloggningar loggas.", ["Input.LogAccess"] = "Huvudmannen på begäran.",
            ["Input.AgreementContactName"] = "Sam Avtal", ["Input.AgreementContactEmail"] = email,
            ["Input.DataProtectionContactName"] = "Dana Skydd", ["Input.DataProtectionContactEmail"] = "dpo@sagovaven.example",
            ["Input.SubProcessors[0].Name"] = "Norrhallen AB", ["Input.SubProcessors[0].Address"] = "Serverv. 1, Luleå",
            ["Input.SubProcessors[0].Activities"] = "Drift", ["Input.SubProcessors[0].CountryCode"] = "SE",
            ["Input.SubProcessors[1].Name"] = "Cloudy Inc.", ["Input.SubProcessors[1].Address"] = "1 Main St, Seattle",
            ["Input.SubProcessors[1].Activities"] = "E-post", ["Input.SubProcessors[1].CountryCode"] = "US",
        };
        // Saved as a draft; publishing is refused while a sub-processor outside the EU/EEA lacks a safeguard.
        var page = await sam.FollowAsync(await sam.SubmitAsync(describe, Form("Save"), description));
        Assert.Contains("version 1", EnsaClient.Text(page, ".lead"), StringComparison.Ordinal);
        var publish = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(Form("Save"))!;
        publish.Action = describe + "?handler=Publish";
        page = await EnsaClient.ParseAsync(await sam.SubmitAsync(describe, publish));
        Assert.Contains("Cloudy Inc.", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);

        description["Input.SubProcessors[1].Safeguard"] = nameof(TransferSafeguard.StandardContractualClauses);
        description["Input.Transfers[0].Recipient"] = "Cloudy Inc.";
        description["Input.Transfers[0].CountryCode"] = "US";
        description["Input.Transfers[0].Safeguard"] = nameof(TransferSafeguard.StandardContractualClauses);
        publish = (await sam.GetPageAsync(describe)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(Form("Save"))!;
        publish.Action = describe + "?handler=Publish";
        page = await sam.FollowAsync(await sam.SubmitAsync(describe, publish, description));
        Assert.Contains("Version 1 är publicerad", EnsaClient.Text(page, ".notice"), StringComparison.Ordinal);
        Assert.Contains("Ingen huvudman väntar", EnsaClient.Text(await sam.GetPageAsync("/Supplier"), "main"), StringComparison.Ordinal);

        // The organizer's agreement now has the description and can go to review.
        page = await lisa.GetPageAsync(url);
        Assert.Equal("Leverantören har svarat", page.QuerySelector(".agreement-status strong")!.TextContent.Trim());
        Assert.Contains("Norrhallen AB", EnsaClient.Text(page, "table.deviations"), StringComparison.Ordinal);
        page = await lisa.FollowAsync(await lisa.SubmitAsync(url, Form("StartReview")));
        Assert.Equal("Granskas", page.QuerySelector(".agreement-status strong")!.TextContent.Trim());
        var document = await lisa.GetPageAsync(url + "/Document");
        Assert.Contains("Cloudy Inc.", EnsaClient.Text(document, ".sub-processors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supplier_SeesOnlyItsOwn_NeverAnOrganizersInternalReview()
    {
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var portal = await elin.GetPageAsync("/Supplier");
        var text = portal.QuerySelector("main")!.TextContent;
        Assert.Contains("Sagoväven Läsresan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Numerix", text, StringComparison.Ordinal);
        // The demo agreement's internal review notes.
        Assert.DoesNotContain("Pedagogiskt värdefull", text, StringComparison.Ordinal);
        Assert.DoesNotContain("godtagbar", text, StringComparison.Ordinal);

        var lasresan = await elin.GetPageAsync($"/Supplier/Describe/{await app.ResourceIdAsync("Sagoväven Läsresan")}");
        Assert.DoesNotContain("Pedagogiskt värdefull", lasresan.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await elin.Http.GetAsync($"/Supplier/Describe/{await app.ResourceIdAsync("Numerix Matteträning")}")).StatusCode);

        // The organizer's agreement pages are not the supplier's.
        var agreement = await app.DemoAgreementIdAsync();
        foreach (var url in new[] { "/Agreements", $"/Agreements/{agreement}", $"/Agreements/{agreement}/Document" })
        {
            var response = await elin.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        // And organizer staff do not reach the portal.
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await lisa.Http.GetAsync("/Supplier")).StatusCode);
    }

}
