using System.Net;
using AngleSharp.Dom;
using Ensa.Audit;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The shared catalogue of learning resources over HTTP: search and filters, what the user's own organizer
/// decided, "approved by N organizers", and adding or changing entries (the central department only).</summary>
public sealed class ResourceTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    /// <summary>A decision on <paramref name="resource"/> at the organizer of <paramref name="unit"/>, made through the
    /// domain: the principal <paramref name="principal"/> asks for their own unit, <paramref name="reviewer"/> decides.</summary>
    private Task<int> DecidedAsync(string unit, string principal, string reviewer, string resource, Decision decision, string? conditions = null) =>
        app.WithDbAsync(async db =>
        {
            var schoolUnit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == unit);
            var resourceId = await db.LearningResources.Where(r => r.Name == resource).Select(r => r.Id).SingleAsync();
            var asker = await RequestScenarios.ActorAsync(db, principal, Role.Principal);
            var decider = await RequestScenarios.ActorAsync(db, reviewer, Role.CentralReviewer);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var request = ResourceRequest.CreateDraft(schoolUnit.OrganizerId, schoolUnit.Id, asker, new RequestDetails { ResourceId = resourceId, Need = "Behov." }, now);
            Assert.True(request.Submit(asker, now).Succeeded);
            var review = new ResourceReview(request, now) { AgreementNeed = AgreementNeed.NotNeeded };
            review.SignReview(decider, now);
            Assert.True(request.Decide(decider, review, decision, conditions, decision == Decision.NotApproved ? "Skäl." : null, now).Succeeded);
            db.ResourceRequests.Add(request);
            db.ResourceReviews.Add(review);
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Search_ByNameSupplierOrSubject_IgnoresCase()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        string Names(AngleSharp.Html.Dom.IHtmlDocument page) => EnsaClient.Text(page, "tbody td:first-child");

        Assert.Equal("Numerix Matteträning", Names(await anna.GetPageAsync("/Resources?q=MATTETRÄNING")));
        Assert.Equal("Sagoväven Bokstavslek | Sagoväven Läsresan", Names(await anna.GetPageAsync("/Resources?q=sagoväven")));
        Assert.Contains("Lingua Bridge Vokabel", Names(await anna.GetPageAsync("/Resources?q=moderna språk")), StringComparison.Ordinal);
        Assert.Equal("Lingua Bridge Vokabel | Sagoväven Bokstavslek", Names(await anna.GetPageAsync("/Resources?type=App")));

        var none = await anna.GetPageAsync("/Resources?q=finnsinte");
        Assert.Empty(none.QuerySelectorAll("tbody tr"));
        Assert.Contains("Ingen lärresurs matchar", none.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(none.QuerySelector("a[href='/Requests/New']"));
    }

    [Fact]
    public async Task StatusHere_IsTheOwnOrganizersLatestDecision_AndApprovedByCountsEveryOrganizer()
    {
        await DecidedAsync("Ekbackeskolan F–3", "karin.holm@mittkoping.example", "sara.nilsson@mittkoping.example",
            "Kodkraft Blocklabb", Decision.NotApproved);
        app.Clock.Offset = TimeSpan.FromMinutes(5);
        await DecidedAsync("Ekbackeskolan F–3", "karin.holm@mittkoping.example", "sara.nilsson@mittkoping.example",
            "Kodkraft Blocklabb", Decision.ApprovedWithConditions, "Inte för elever med skyddad identitet.");
        await DecidedAsync("Lärande Norr Umeå", "ida.persson@larandenorr.example", "fredrik.ahlgren@larandenorr.example",
            "Kodkraft Blocklabb", Decision.Approved);
        var id = await app.ResourceIdAsync("Kodkraft Blocklabb");

        using var anna = await app.SignInAs(Roles.Requester);
        var page = await anna.GetPageAsync($"/Resources/{id}");
        Assert.Contains("Godkänd med villkor", page.QuerySelector(".status-here")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Inte för elever med skyddad identitet.", page.QuerySelector(".conditions")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("2 huvudmän", page.QuerySelector(".approved-by")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll(".decision-history tbody tr").Length);
        Assert.NotNull(page.QuerySelector($"a[href='/Requests/New?resourceId={id}']"));

        var row = (await anna.GetPageAsync("/Resources?q=Blocklabb")).QuerySelector("tbody tr")!;
        Assert.Equal("Godkänd med villkor", row.QuerySelector(".status-here")!.TextContent.Trim());
        Assert.Equal("2 huvudmän", row.QuerySelector(".approved-by")!.TextContent.Trim());
        Assert.Contains("Blocklabb", EnsaClient.Text(await anna.GetPageAsync("/Resources?status=ApprovedWithConditions"), "tbody"), StringComparison.Ordinal);
        Assert.DoesNotContain("Blocklabb", EnsaClient.Text(await anna.GetPageAsync("/Resources?status=NotDecided"), "tbody"), StringComparison.Ordinal);

        // The other organizer sees its own decision, never Mittköping's conditions or history.
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var theirs = await fredrik.GetPageAsync($"/Resources/{id}");
        Assert.Equal("Godkänd", theirs.QuerySelector(".status-here strong")!.TextContent.Trim());
        Assert.Null(theirs.QuerySelector(".conditions"));
        Assert.DoesNotContain("skyddad identitet", theirs.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supplier_SeesTheCatalogueWithoutAnyOrganizersStatus()
    {
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var list = await elin.GetPageAsync("/Resources");
        Assert.NotEmpty(list.QuerySelectorAll("tbody tr"));
        Assert.Empty(list.QuerySelectorAll(".status-here, #status"));
        var page = await elin.GetPageAsync($"/Resources/{await app.ResourceIdAsync("Numerix Matteträning")}");
        Assert.Null(page.QuerySelector(".decision-here"));
        Assert.Null(page.QuerySelector("a[href='/Resources/Edit']"));
    }

    [Fact]
    public async Task Details_UnknownResource_Answers404()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.Http.GetAsync($"/Resources/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Requester)]
    [InlineData(Roles.Principal)]
    [InlineData(Roles.SecurityCoordinator)]
    [InlineData(Roles.OrganizerAdmin)]
    [InlineData(Roles.SupplierUser)]
    public async Task Edit_NotCentralDepartmentOrPlatformAdmin_IsRefused(string role)
    {
        using var client = await app.SignInAs(role);
        foreach (var url in new[] { "/Resources/Edit", $"/Resources/Edit/{await app.ResourceIdAsync("Quizzly")}" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        Assert.Null((await client.GetPageAsync("/Resources")).QuerySelector("a[href='/Resources/Edit']"));
    }

    [Fact]
    public async Task Add_BadInput_SaysHowToFixIt_ThenSavesAndIsAudited()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var refused = await EnsaClient.ParseAsync(await sara.SubmitAsync("/Resources/Edit", "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Description"] = "", ["Input.WebAddress"] = "javascript:alert(1)", ["Input.AppStoreLinks"] = "appbutiken",
        }));
        var errors = EnsaClient.Text(refused, ".error");
        Assert.Contains("https://", errors, StringComparison.Ordinal);
        Assert.Contains("adress per rad", errors, StringComparison.Ordinal);
        Assert.Equal(4, refused.QuerySelectorAll("span.error").Count(e => e.TextContent.Trim().Length > 0));

        var supplier = await app.SupplierIdAsync("Nordlär Förlag AB");
        var page = await sara.FollowAsync(await sara.SubmitAsync("/Resources/Edit", "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Nordlär Historia 4–6", ["Input.SupplierId"] = supplier.ToString(), ["Input.Type"] = "BookDigitalPart",
            ["Input.Description"] = "Digital del till Historia 4–6.", ["Input.WebAddress"] = "https://historia.nordlar.example",
            ["Input.SchoolForms"] = "Compulsory", ["Input.Grades"] = "4–6", ["Input.Subjects"] = "Historia",
            ["Input.SignIn"] = "FederatedSchoolLogin", ["Input.ProcessesPersonalData"] = "true", ["Input.Pricing"] = "Paid",
        }));
        Assert.Equal("Nordlär Historia 4–6", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Digital del till bok", EnsaClient.Text(page, ".facts dd"), StringComparison.Ordinal);
        Assert.Contains("Grundskola", EnsaClient.Text(page, ".facts dd"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='https://historia.nordlar.example']"));

        var resource = await app.StoredAsync<LearningResource>(r => r.Name == "Nordlär Historia 4–6");
        Assert.Equal(SignInMethods.FederatedSchoolLogin, resource.SignInMethods);
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(LearningResource) && a.EntityId == resource.Id.ToString()));

        var duplicate = await EnsaClient.ParseAsync(await sara.SubmitAsync("/Resources/Edit", "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Nordlär Historia 4–6", ["Input.SupplierId"] = supplier.ToString(), ["Input.Description"] = "Samma igen.",
        }));
        Assert.Contains("finns redan", EnsaClient.Text(duplicate, ".error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ChangesTheSharedDescription()
    {
        var id = await app.ResourceIdAsync("Quizzly");
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var form = await nora.GetPageAsync($"/Resources/Edit/{id}");
        Assert.Equal("Quizzly", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        await nora.FollowAsync(await nora.SubmitAsync($"/Resources/Edit/{id}", "main form", new Dictionary<string, string>
        {
            ["Input.Subjects"] = "Alla ämnen, Svenska",
        }));
        var resource = await app.StoredAsync<LearningResource>(r => r.Id == id);
        Assert.Equal("Alla ämnen, Svenska", resource.Subjects);
        Assert.Equal("Quizzly", resource.Name);
        Assert.Equal(SignInMethods.Google | SignInMethods.Microsoft | SignInMethods.OwnAccounts, resource.SignInMethods);
    }

    [Fact]
    public async Task AddFromReview_StartsFromTheProposal_AndLinksTheRequest()
    {
        var requestId = await app.InReviewAsync("Bokbussen", linkResource: false);
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var review = await sara.GetPageAsync($"/Review/Request/{requestId}");
        var add = review.QuerySelector("a[href^='/Resources/Edit?request=']")!.GetAttribute("href")!;

        var form = await sara.GetPageAsync(add);
        Assert.Equal("Bokbussen", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        var response = await sara.SubmitAsync(add, "main form", new Dictionary<string, string> { ["Input.Description"] = "Läsapp med ljudböcker.", ["Input.NewSupplier.Name"] = "" });
        Assert.Equal($"/Review/Request/{requestId}", response.Headers.Location?.OriginalString ?? EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors, .error, h1"));

        var resourceId = await app.ResourceIdAsync("Bokbussen");
        Assert.Equal(resourceId, (await app.StoredAsync<ResourceRequest>(r => r.Id == requestId)).ResourceId);
    }

    [Fact]
    public async Task Details_InEnglish_ShowsTheStatusHereInEnglish()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.SubmitAsync("/", "form.language", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        var id = await app.ResourceIdAsync("Sagoväven Läsresan");
        Assert.Contains("has not reviewed", EnsaClient.Text(await sara.GetPageAsync($"/Resources/{id}"), ".status-here"), StringComparison.Ordinal);
    }
}
