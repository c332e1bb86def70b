using System.Net;
using System.Security.Claims;
using Ensa.Common;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Another organizer's record answers 404, never its data.</summary>
public sealed class TenancyTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string LarandeNorr = "Lärande Norr AB";

    private Task<Guid> MittkopingUnitAsync() => app.UnitIdAsync("Ekbackeskolan F–3");

    [Fact]
    public async Task UnitPage_OwnOrganizer_IsShown()
    {
        using var client = await app.SignInAs(Roles.OrganizerAdmin);
        var page = await client.GetPageAsync($"/Units/{await MittkopingUnitAsync()}");
        Assert.Equal("Ekbackeskolan F–3", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Karin Holm", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitPage_OtherOrganizer_Answers404()
    {
        using var client = await app.SignInAs(Roles.OrganizerAdmin, LarandeNorr);
        var response = await client.Http.GetAsync($"/Units/{await MittkopingUnitAsync()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Ekbackeskolan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitList_OtherOrganizer_ShowsOnlyOwnUnits()
    {
        using var client = await app.SignInAs(Roles.OrganizerAdmin, LarandeNorr);
        var text = (await client.GetPageAsync("/Units")).QuerySelector("main")!.TextContent;
        Assert.Contains("Lärande Norr Umeå", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ekbackeskolan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RolesPage_UserOfOtherOrganizer_Answers404()
    {
        var anna = await app.UserIdAsync("anna.lindberg@mittkoping.example");
        using var client = await app.SignInAs(Roles.OrganizerAdmin, LarandeNorr);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/Admin/Users/Roles/{anna}")).StatusCode);
        var users = (await client.GetPageAsync("/Admin/Users")).QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Anna Lindberg", users, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_OtherOrganizersChanges_AreNotShown()
    {
        using var client = await app.SignInAs(Roles.OrganizerAdmin, LarandeNorr);
        var text = (await client.GetPageAsync("/Admin/Audit")).QuerySelector("main")!.TextContent;
        Assert.Contains("Lärande Norr Umeå", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ekbackeskolan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryFilter_NoOrganizer_MatchesNoOrganizerRows()
    {
        var (filtered, all) = await app.WithDbAsync(async db =>
            (await db.OrganisationUnits.CountAsync(), await db.OrganisationUnits.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(0, filtered);
        Assert.True(all > 12);
    }

    [Fact]
    public async Task SameOrganizerPolicy_RecordOfAnotherOrganizer_Fails()
    {
        var handler = new SameOrganizerHandler();
        var mine = Guid.NewGuid();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(EnsaClaimTypes.Organizer, mine.ToString())], "test"));
        foreach (var (unit, expected) in new[] { (OrganisationUnit.School(mine, null, "A"), true), (OrganisationUnit.School(Guid.NewGuid(), null, "B"), false) })
        {
            var context = new AuthorizationHandlerContext([new SameOrganizerRequirement()], user, (IOrganizerOwned)unit);
            await handler.HandleAsync(context);
            Assert.Equal(expected, context.HasSucceeded);
        }
    }

    [Fact]
    public async Task SwitchOrganizer_MemberOfBoth_ActsForTheChosenOne()
    {
        using var client = await app.SignInAs(Roles.SecurityCoordinator);
        async Task<AngleSharp.Html.Dom.IHtmlDocument> SwitchTo(string slug)
        {
            var id = await app.OrganizerIdAsync(slug);
            return await client.FollowAsync(await client.SubmitAsync("/", "form[action='/Account/SwitchOrganizer']",
                new Dictionary<string, string> { ["organizerId"] = id.ToString() }));
        }

        // The demo button named Mittköping, so that is where the sign-in lands.
        Assert.Contains("Mittköpings kommun", (await client.GetPageAsync("/")).QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        var larandeFirst = await SwitchTo(DemoData.LarandeNorrSlug);
        Assert.Contains(LarandeNorr, larandeFirst.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        var mittkoping = await SwitchTo(DemoData.MittkopingSlug);
        Assert.Contains("Mittköpings kommun", mittkoping.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12", mittkoping.Figure("Skolenheter"));
        var larande = await SwitchTo(DemoData.LarandeNorrSlug);
        Assert.Contains(LarandeNorr, larande.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("3", larande.Figure("Skolenheter"));
        var units = (await client.GetPageAsync("/Units")).QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Ekbackeskolan", units, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchOrganizer_NotAMember_Answers404()
    {
        using var client = await app.SignInAs(Roles.Requester);
        var larande = await app.OrganizerIdAsync(DemoData.LarandeNorrSlug);
        var token = (await client.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync("/Account/SwitchOrganizer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organizerId"] = larande.ToString(),
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Mittköpings kommun", (await client.GetPageAsync("/")).QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }
}
