using System.Net;
using System.Text.RegularExpressions;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>Each role reaches its pages and is refused the others.</summary>
public sealed partial class RoleAccessTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    public static TheoryData<string, string, bool> Access => new()
    {
        { Roles.Requester, "/", true },
        { Roles.Requester, "/Units", true },
        { Roles.Requester, "/Suppliers", true },
        { Roles.Requester, "/Account/TwoFactor", true },
        { Roles.Requester, "/Admin/Users", false },
        { Roles.Requester, "/Admin/Users/Invite", false },
        { Roles.Requester, "/Admin/Audit", false },
        { Roles.Requester, "/Platform/Organizers", false },
        { Roles.Principal, "/Units", true },
        { Roles.Principal, "/Admin/Users", false },
        { Roles.CentralReviewer, "/Units", true },
        { Roles.CentralReviewer, "/Admin/Audit", false },
        { Roles.SecurityCoordinator, "/Units", true },
        { Roles.SecurityCoordinator, "/Platform/Organizers", false },
        { Roles.OrganizerAdmin, "/Admin/Users", true },
        { Roles.OrganizerAdmin, "/Admin/Users/Invite", true },
        { Roles.OrganizerAdmin, "/Admin/Audit", true },
        { Roles.OrganizerAdmin, "/Admin/Organizer", true },
        { Roles.CentralReviewer, "/Admin/Organizer", false },
        { Roles.OrganizerAdmin, "/Platform/Organizers", false },
        { Roles.SupplierUser, "/", true },
        { Roles.SupplierUser, "/Suppliers", true },
        { Roles.SupplierUser, "/Units", false },
        { Roles.SupplierUser, "/Admin/Users", false },
        { Roles.PlatformAdmin, "/", true },
        { Roles.PlatformAdmin, "/Platform/Organizers", true },
        { Roles.PlatformAdmin, "/Admin/Users", false },
        { Roles.PlatformAdmin, "/Units", false },
    };

    [Theory]
    [MemberData(nameof(Access))]
    public async Task Page_ByRole_IsReachedOrRefused(string role, string url, bool allowed)
    {
        using var client = await app.SignInAs(role);
        var response = await client.Http.GetAsync(url);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertAllTextsTranslated(await EnsaClient.ParseAsync(response));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StartPage_Principal_ShowsFiguresAndOwnUnit()
    {
        using var client = await app.SignInAs(Roles.Principal);
        var page = await client.GetPageAsync("/");
        Assert.Equal("12", page.QuerySelectorAll(".figures div").Single(d => d.QuerySelector("dt")!.TextContent == "Skolenheter").QuerySelector("dd")!.TextContent);
        Assert.Contains("Ekbackeskolan F–3", EnsaClient.Text(page, "main ul li a"), StringComparison.Ordinal);
        Assert.Contains("Rektor", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartPage_Supplier_ShowsOwnSupplierOnly()
    {
        using var client = await app.SignInAs(Roles.SupplierUser);
        var page = await client.GetPageAsync("/");
        Assert.Contains("Sagoväven AB", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Skolenheter", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartPage_PlatformAdmin_CountsOrganizers()
    {
        using var client = await app.SignInAs(Roles.PlatformAdmin);
        var page = await client.GetPageAsync("/Platform/Organizers");
        Assert.Equal(2, page.QuerySelectorAll("tbody tr").Length);
    }

    /// <summary>A text key missing from the resources shows as the key itself, e.g. "Start.Title".</summary>
    internal static void AssertAllTextsTranslated(AngleSharp.Dom.IDocument page)
    {
        var missing = ResourceKey().Matches(page.Body!.TextContent).Select(m => m.Value).ToList();
        Assert.True(missing.Count == 0, "Untranslated: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+\b")]
    private static partial Regex ResourceKey();
}
