using System.Net;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ensa.Tests;

/// <summary>The app reading a fake school-unit register on loopback, with a short timeout.</summary>
public sealed class SchoolUnitRegisterAppFactory : EnsaAppFactory
{
    public FakeSchoolUnitRegister Register { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Skolverket:RegisterUrl", Register.Url);
        builder.UseSetting("Skolverket:Timeout", "00:00:01");
    }

    public override async ValueTask InitializeAsync()
    {
        await Register.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Register.DisposeAsync();
    }
}

public sealed class SchoolUnitRegisterTests(SchoolUnitRegisterAppFactory app) : IClassFixture<SchoolUnitRegisterAppFactory>
{
    private const string Page = "/Admin/SchoolUnitRegister";

    private async Task<List<OrganisationUnit>> SchoolUnitsAsync(string slug)
    {
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == slug);
        return (await app.AllStoredAsync<OrganisationUnit>(u => u.OrganizerId == organizer.Id && u.SchoolUnitCode != null))
            .OrderBy(u => u.SchoolUnitCode, StringComparer.Ordinal).ToList();
    }

    private static string Row(AngleSharp.Html.Dom.IHtmlDocument page, RegisterDifferenceKind kind, string code) =>
        page.QuerySelector($"tr[data-kind='{kind}'][data-code='{code}']")?.TextContent
        ?? throw new Xunit.Sdk.XunitException($"No row {kind} {code}");

    [Fact]
    public async Task Check_RegisterDiffers_ListsEachKindOfDifferenceToActOn()
    {
        var units = await SchoolUnitsAsync(DemoData.MittkopingSlug);
        var (same, renamed, closed) = (units[0], units[1], units[2]);
        app.Register.Units(
            (same.SchoolUnitCode!, same.Name, "AKTIV"),
            (renamed.SchoolUnitCode!, "Nytt namn på <skolan>", "AKTIV"),
            (closed.SchoolUnitCode!, closed.Name, "UPPHORT"),
            ("84529901", "Mittköpings nya skola", "PLANERAD"),
            ("84529902", "Nedlagda skolan", "UPPHORT"));
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);

        var page = await admin.GetPageAsync(Page);

        var organisationNumber = (await app.StoredAsync<Organizer>(o => o.Slug == DemoData.MittkopingSlug)).OrganisationNumber;
        Assert.Equal(organisationNumber.Replace("-", "", StringComparison.Ordinal), app.Register.Requests.Last());
        Assert.Contains("Nytt namn på <skolan>", Row(page, RegisterDifferenceKind.NameDiffers, renamed.SchoolUnitCode!), StringComparison.Ordinal);
        Assert.Equal($"/Units/{renamed.Id}", page.QuerySelector($"tr[data-code='{renamed.SchoolUnitCode}'] a")!.GetAttribute("href"));
        Assert.Contains("Upphörd i registret", Row(page, RegisterDifferenceKind.ClosedInRegister, closed.SchoolUnitCode!), StringComparison.Ordinal);
        Assert.Contains("Mittköpings nya skola (planerad)", Row(page, RegisterDifferenceKind.MissingInEnsa, "84529901"), StringComparison.Ordinal);
        foreach (var unlisted in units.Skip(3))
            Assert.Contains(unlisted.Name, Row(page, RegisterDifferenceKind.NotInRegister, unlisted.SchoolUnitCode!), StringComparison.Ordinal);
        // A unit that agrees, and one closed in the register that Ensa never had, need nothing done.
        Assert.Null(page.QuerySelector($"tr[data-code='{same.SchoolUnitCode}']"));
        Assert.Null(page.QuerySelector("tr[data-code='84529902']"));
        Assert.Equal(units.Count, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Check_RegisterAgrees_SaysSo()
    {
        var units = await SchoolUnitsAsync(DemoData.LarandeNorrSlug);
        app.Register.Units(units.Select(u => (u.SchoolUnitCode!, u.Name, "AKTIV")).ToArray());
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");

        var page = await admin.GetPageAsync(Page);

        Assert.Contains($"{units.Count} skolenheter med samma koder och namn", EnsaClient.Text(page, "#no-differences"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("tbody tr"));
    }

    public static TheoryData<string> Failures => ["500", "timeout", "not json"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Check_RegisterFails_SaysTheCheckCouldNotBeMade(string failure)
    {
        app.Register.Answer = failure switch
        {
            "500" => _ => Task.FromResult(Results.StatusCode(500)),
            "timeout" => async _ => { await Task.Delay(TimeSpan.FromSeconds(3)); return Results.Ok(); }
            ,
            _ => _ => Task.FromResult(Results.Text("<html>Underhåll</html>", "application/json")),
        };
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);

        var page = await admin.GetPageAsync(Page);

        Assert.Contains("Skolenhetsregistret svarade inte", EnsaClient.Text(page, "#register-unavailable"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Check_NotOrganizerAdmin_RefusedWithoutAskingTheRegister()
    {
        using var reviewer = await app.SignInAs(Roles.CentralReviewer);
        var asked = app.Register.Requests.Count;

        var response = await reviewer.Http.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Http.GetAsync(response.Headers.Location)).StatusCode);
        Assert.Equal(asked, app.Register.Requests.Count);
    }
}
