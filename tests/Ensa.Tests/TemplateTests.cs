using System.Globalization;
using System.Net;
using System.Text;
using Ensa.Agreements;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The platform admin publishes versions of the main agreement text (issue 4): edited as structured sections or
/// uploaded; a published version never changes and existing agreements keep theirs.</summary>
public sealed class TemplateTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Text = "§ 1 Parter\nHuvudmannen och leverantören.\n\n§ 2 Behandling\nEndast enligt instruktion.\nInget annat.\n";

    private Task<int> LatestAsync() => app.WithDbAsync(db => db.AgreementTemplates.MaxAsync(t => t.Version));

    [Fact]
    public async Task Versions_ShowThePlaceholderAndHowManyAgreementsRestOnIt()
    {
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var page = await nora.GetPageAsync("/Platform/Templates");
        var v1 = page.QuerySelectorAll("table.templates tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "1");
        Assert.Contains("Platshållartext", v1.TextContent, StringComparison.Ordinal);
        var onV1 = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().CountAsync(a => db.AgreementTemplates.Any(t => t.Id == a.TemplateId && t.Version == 1)));
        Assert.True(onV1 > 0);
        Assert.Equal(onV1.ToString(CultureInfo.InvariantCulture), v1.QuerySelectorAll("td")[4].TextContent.Trim());
        var version = await nora.GetPageAsync("/Platform/Templates/1");
        Assert.Contains("0 Om denna text", EnsaClient.Text(version, "section.template-section h2"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await nora.Http.GetAsync("/Platform/Templates/999")).StatusCode);
    }

    [Fact]
    public async Task Publish_EditedText_BecomesTheNextVersionInSections_OldVersionsStay()
    {
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var latest = await LatestAsync();
        var form = await nora.GetPageAsync("/Platform/Templates/New");
        var latestHeading = (await app.StoredAsync<AgreementTemplate>(t => t.Version == latest)).Sections[0].Heading;
        Assert.Contains(latestHeading, form.QuerySelector("textarea")!.TextContent.Split('\n').First(l => l.Length > 0), StringComparison.Ordinal);

        var page = await nora.FollowAsync(await nora.SubmitAsync("/Platform/Templates/New", "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Personuppgiftsbiträdesavtal (prov)", ["Input.Text"] = Text, ["Input.IsPlaceholder"] = "false",
        }));
        Assert.Equal($"Huvudavtalet, version {latest + 1}", page.QuerySelector("h1")!.TextContent);
        var template = await app.StoredAsync<AgreementTemplate>(t => t.Version == latest + 1);
        Assert.False(template.IsPlaceholder);
        Assert.Equal(["1", "2"], template.Sections.Select(s => s.Number));
        Assert.Equal("Endast enligt instruktion.\nInget annat.", template.Sections[1].Text);
        Assert.Equal(PlaceholderSections, (await app.StoredAsync<AgreementTemplate>(t => t.Version == 1)).Sections.Count);
    }

    private static readonly int PlaceholderSections = Ensa.Agreements.PlaceholderTemplate.Sections.Count;

    [Theory]
    [InlineData("Inledning utan rubrik\n§ 1 Parter\nText", "före första avsnittet")]
    [InlineData("§ 1\nText", "både nummer och rubrik")]
    [InlineData("§ 1 Parter\nText\n§ 1 Igen\nText", "samma nummer")]
    [InlineData("§ 1 Parter\n", "nummer, rubrik och text")]
    public async Task Publish_BadText_SaysWhatIsWrong_AndPublishesNothing(string text, string message)
    {
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var latest = await LatestAsync();
        var refused = await EnsaClient.ParseAsync(await nora.SubmitAsync("/Platform/Templates/New", "main form",
            new Dictionary<string, string> { ["Input.Title"] = "Prov", ["Input.Text"] = text }));
        Assert.Contains(message, EnsaClient.Text(refused, ".error, .errors"), StringComparison.Ordinal);
        Assert.Equal(latest, await LatestAsync());
    }

    [Fact]
    public async Task Publish_UploadedTextFile_IsParsed_BinaryIsRefused()
    {
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var latest = await LatestAsync();
        var binary = await EnsaClient.ParseAsync(await nora.SubmitWithFileAsync("/Platform/Templates/New", "main form",
            new Dictionary<string, string> { ["Input.Title"] = "Prov", ["Input.Text"] = Text }, "Upload", "mall.txt", [0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
        Assert.Contains("textfil i UTF-8", EnsaClient.Text(binary, ".error"), StringComparison.Ordinal);
        Assert.Equal(latest, await LatestAsync());

        var response = await nora.SubmitWithFileAsync("/Platform/Templates/New", "main form",
            new Dictionary<string, string> { ["Input.Title"] = "Uppladdad", ["Input.Text"] = "" }, "Upload", "mall.txt",
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("§ 1 Uppladdat\nFrån en fil.\n")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var template = await app.StoredAsync<AgreementTemplate>(t => t.Version == latest + 1);
        Assert.Equal(("Uppladdad", "Uppladdat", "Från en fil."), (template.Title, template.Sections.Single().Heading, template.Sections.Single().Text));
    }

    [Theory]
    [InlineData(Roles.OrganizerAdmin)]
    [InlineData(Roles.CentralReviewer)]
    [InlineData(Roles.SupplierUser)]
    public async Task Templates_NotPlatformAdmin_IsRefused(string role)
    {
        using var client = await app.SignInAs(role);
        foreach (var url in new[] { "/Platform/Templates", "/Platform/Templates/New", "/Platform/Templates/1" })
            Assert.StartsWith("/Account/AccessDenied", (await client.Http.GetAsync(url)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
