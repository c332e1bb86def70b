using System.Net;
using AngleSharp.Dom;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The register of use and its gaps, on the demo data: "Nordlär Samhälle 7–9" is in use at Ekbackeskolan 4–9
/// (Johan Lind registeransvarig, Petra Sjöberg administrator), "Sagoväven Bokstavslek" is approved for Solängsskolan
/// with nobody named yet, and Mittköping has an agreement in force for "Sagoväven Läsresan".</summary>
public sealed class RegisterTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Samhalle = "Nordlär Samhälle 7–9, digital del";

    private static IElement Row(IDocument page, string table, string text) =>
        page.QuerySelectorAll($"{table} tbody tr").Single(r => r.TextContent.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task Register_ShowsEachUnitsResourcesWithPeopleAndAgreement()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync("/Register");
        var samhalle = Row(page, "table.register", Samhalle);
        // (Another test here may have moved the registeransvarig from Johan Lind to a new principal.)
        Assert.Contains("Petra Sjöberg", samhalle.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gäller", samhalle.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ekbackeskolan 4–9", EnsaClient.Text(page, "main h2"), StringComparison.Ordinal);
        Assert.Contains("Inte utsedd", Row(page, "table.register", "Sagoväven Bokstavslek").TextContent, StringComparison.Ordinal);

        var unit = await app.SchoolUnitIdAsync("Solängsskolan");
        var filtered = await sara.GetPageAsync($"/Register?unit={unit}");
        Assert.Equal("Solängsskolan", EnsaClient.Text(filtered, "main h2"));

        // The unit's own page shows its part of the register.
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var unitPage = await lisa.GetPageAsync($"/Units/{unit}");
        Assert.Contains("Sagoväven Bokstavslek", EnsaClient.Text(unitPage, "table.register"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Requester)]
    [InlineData(Roles.Principal)]
    [InlineData(Roles.SupplierUser)]
    public async Task Register_NotCentralDepartment_IsRefused(string role)
    {
        using var client = await app.SignInAs(role);
        foreach (var url in new[] { "/Register", "/Register/Gaps" })
            Assert.StartsWith("/Account/AccessDenied", (await client.Http.GetAsync(url)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_OtherOrganizer_SeesNoneOfMittkopingsUse()
    {
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        // Fredrik also reviews at Lärande Norr, so he reaches the register: his own organizer's.
        var page = await fredrik.GetPageAsync("/Register");
        Assert.Contains("Lärande Norr Umeå", EnsaClient.Text(page, "main h2"), StringComparison.Ordinal);
        foreach (var mittkoping in new[] { "Ekbackeskolan", "Solängsskolan", "Johan Lind", "Petra Sjöberg" })
            Assert.DoesNotContain(mittkoping, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_ApprovedWithoutPeople_AndAgreementEndingOrEnded()
    {
        var lasresan = await app.InUseAsync("Ekbackeskolan F–3", "karin.holm@mittkoping.example", "Sagoväven Läsresan", AgreementNeed.AlreadySigned);
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var gaps = await sara.GetPageAsync("/Register/Gaps");
        Assert.Contains("Sagoväven Bokstavslek", gaps.QuerySelector("#missing")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sagoväven Läsresan", gaps.QuerySelector("#ending")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // The agreement in force now ends in 60 days: a gap; terminated: no agreement in force.
        var today = SwedishCalendar.Today(app.Clock);
        var admin = await app.ActorAsync("lisa.ekstrom@mittkoping.example", Role.OrganizerAdmin);
        var agreement = await app.DemoAgreementIdAsync();
        await app.ChangeAgreementAsync(agreement, a => a.SetDates(admin, null, today.AddDays(60), DateTime.UtcNow));
        var ending = (await sara.GetPageAsync("/Register/Gaps")).QuerySelector("#ending")!.ParentElement!.TextContent;
        Assert.Contains("Sagoväven Läsresan", ending, StringComparison.Ordinal);
        Assert.Contains(today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ending, StringComparison.Ordinal);

        await app.ChangeAgreementAsync(agreement, a => a.Terminate(admin, today, DataDisposition.Deleted, "Intyg från leverantören.", DateTime.UtcNow));
        var after = await sara.GetPageAsync("/Register/Gaps");
        Assert.Contains("Sagoväven Läsresan", after.QuerySelector("#no-agreement")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Saknas", Row(await sara.GetPageAsync("/Register"), "table.register", "Sagoväven Läsresan").TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InUse, await app.StatusAsync(lasresan));
    }

    [Fact]
    public async Task Gaps_LaterRefusal_LeavesTheUseWithoutAnApprovedDecision()
    {
        await app.WithDbAsync(async db =>
        {
            var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == "Hagaskolan" && u.SchoolUnitCode != null);
            var oskar = await RequestScenarios.ActorAsync(db, "oskar.wikstrom@mittkoping.example", Role.Principal);
            var sara = await RequestScenarios.ActorAsync(db, "sara.nilsson@mittkoping.example", Role.CentralReviewer);
            var resource = await db.LearningResources.Where(r => r.Name == Samhalle).Select(r => r.Id).SingleAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var request = ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, oskar, new RequestDetails { ResourceId = resource, Need = "Samhälle." }, now);
            request.Submit(oskar, now);
            // The agreement stays as it was (the register's agreement column reads the organizer's current decision).
            var review = new ResourceReview(request, now) { AgreementNeed = AgreementNeed.AlreadySigned };
            review.SignReview(sara, now);
            Assert.True(request.Decide(sara, review, Decision.NotApproved, null, "Leverantören har bytt underbiträde utanför EU.", now).Succeeded);
            db.ResourceRequests.Add(request);
            db.ResourceReviews.Add(review);
            return await db.SaveChangesAsync();
        });
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var section = (await sara.GetPageAsync("/Register/Gaps")).QuerySelector("#no-decision")!.ParentElement!;
        Assert.Contains(Samhalle, section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ekbackeskolan 4–9", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_PrincipalChanged_ProposesTheNewPrincipal_AndMovesTheResponsibility()
    {
        // Johan Lind moves to Kvarnbyskolan; Nina Nyberg becomes principal of Ekbackeskolan 4–9.
        var nina = await app.CreateUserWithPasswordAsync("nina.nyberg@mittkoping.example", "vinterlov i februari", Role.Requester);
        await app.WithDbAsync(async db =>
        {
            var units = await db.OrganisationUnits.IgnoreQueryFilters().Where(u => (u.Name == "Ekbackeskolan 4–9" || u.Name == "Kvarnbyskolan") && u.SchoolUnitCode != null).ToListAsync();
            var ekbacke = units.Single(u => u.Name == "Ekbackeskolan 4–9");
            var johan = await db.Users.SingleAsync(u => u.Email == "johan.lind@mittkoping.example");
            var membership = await db.Memberships.IgnoreQueryFilters().SingleAsync(m => m.UserId == johan.Id && m.OrganisationUnitId == ekbacke.Id);
            db.Memberships.Remove(membership);
            db.Memberships.Add(new Membership(johan.Id, ekbacke.OrganizerId, Role.Principal, units.Single(u => u.Name == "Kvarnbyskolan").Id, DateTime.UtcNow));
            db.Memberships.Add(new Membership(nina.Id, ekbacke.OrganizerId, Role.Principal, ekbacke.Id, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var gaps = await sara.GetPageAsync("/Register/Gaps");
        var row = Row(gaps, "table.people-left", Samhalle);
        Assert.Contains("Johan Lind", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(nina.Email, row.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='To']")!.Value);

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!;
        await sara.FollowAsync(await sara.SubmitAsync("/Register/Gaps", form));
        var unit = await app.UnitIdAsync("Ekbackeskolan 4–9");
        var use = await app.StoredAsync<ResourceUse>(u => u.SchoolUnitId == unit);
        Assert.Equal(nina.Id, use.RegisteransvarigUserId);
        Assert.Equal("Petra Sjöberg", use.AdministratorName);
        Assert.Empty((await sara.GetPageAsync("/Register/Gaps")).QuerySelectorAll("table.people-left tbody tr"));

        // A post without the antiforgery token is refused.
        var forged = await sara.PostWithoutTokenAsync("/Register/Gaps?handler=HandOver", new Dictionary<string, string> { ["RequestId"] = use.RequestId.ToString(), ["Kind"] = "Registeransvarig", ["To"] = nina.Email! });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task EndUse_NeedsDateAndConfirmation_ThenRecordsWhetherDataWasRemoved()
    {
        var id = await app.InUseAsync("Björkhagaskolan F–6", "lena.bjork@mittkoping.example", "Quizzly", AgreementNeed.NotNeeded);
        using var anna = await app.SignInAs(Roles.Requester);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.Http.GetAsync($"/Requests/Use/{id}")).StatusCode);

        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var refused = await EnsaClient.ParseAsync(await sara.SubmitAsync($"/Requests/Use/{id}", "form[action*='handler=End']",
            new Dictionary<string, string> { ["EndedOn"] = "2026-12-31" }));
        Assert.Contains("går inte att ångra", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InUse, await app.StatusAsync(id));

        var early = await EnsaClient.ParseAsync(await sara.SubmitAsync($"/Requests/Use/{id}", "form[action*='handler=End']",
            new Dictionary<string, string> { ["EndedOn"] = "2001-01-01", ["ConfirmEnd"] = "true" }));
        Assert.Contains("före den dag", EnsaClient.Text(early, ".errors"), StringComparison.Ordinal);

        var endOn = SwedishCalendar.Today(app.Clock).AddDays(1);
        await sara.FollowAsync(await sara.SubmitAsync($"/Requests/Use/{id}", "form[action*='handler=End']", new Dictionary<string, string>
        {
            ["EndedOn"] = endOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["SupplierDataRemoved"] = "true",
            ["EndNote"] = "Ersatt av annan tjänst.", ["ConfirmEnd"] = "true",
        }));
        Assert.Equal(RequestStatus.UseEnded, await app.StatusAsync(id));
        var use = await app.StoredAsync<ResourceUse>(u => u.RequestId == id);
        Assert.Equal((endOn, (bool?)true, "Ersatt av annan tjänst."), (use.EndedOn!.Value, use.SupplierDataRemoved, use.EndNote));
        Assert.Contains("bekräftat att uppgifterna är borttagna", EnsaClient.Text(await sara.GetPageAsync($"/Requests/Use/{id}"), ".use-ended"), StringComparison.Ordinal);

        // Gone from the register, back with "show ended".
        Assert.DoesNotContain("Quizzly", EnsaClient.Text(await sara.GetPageAsync("/Register"), "table.register"), StringComparison.Ordinal);
        Assert.Contains("Användningen avslutad", Row(await sara.GetPageAsync("/Register?ended=true"), "table.register", "Quizzly").TextContent, StringComparison.Ordinal);
        // Ending twice is refused by the domain.
        Assert.Empty((await sara.GetPageAsync($"/Requests/Use/{id}")).QuerySelectorAll("form[action*='handler=End']"));
    }

    [Fact]
    public async Task StartPage_CentralDepartment_ShowsGapsAndOpenRightsCases_OthersDoNot()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var start = await sara.GetPageAsync("/");
        // A link, not a number: counting the gaps means computing the whole register.
        Assert.Equal("Visa bristerna", start.Figure("Brister i registret"));
        Assert.NotNull(start.QuerySelector(".figures a[href='/Register/Gaps']"));
        var open = await app.WithDbAsync(db => db.RightsRequests.IgnoreQueryFilters()
            .CountAsync(r => r.ClosedAt == null && db.Organizers.Any(o => o.Id == r.OrganizerId && o.Slug == Demo.DemoData.MittkopingSlug)));
        Assert.Equal(open.ToString(System.Globalization.CultureInfo.InvariantCulture), start.Figure("Pågående rättighetsärenden"));
        using var anna = await app.SignInAs(Roles.Requester);
        Assert.DoesNotContain("Brister i registret", EnsaClient.Text(await anna.GetPageAsync("/"), ".figures dt"), StringComparison.Ordinal);
    }
}
