using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Identity;
using Ensa.Privacy;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Pages show a step's button or form exactly when the domain offers the step to the viewer, and a post of a
/// step not offered is refused with the domain's message and changes nothing.</summary>
public sealed class StepPagesTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static readonly string[] ReviewHandlers = ["Link", "Save", "Security", "Decide", "Reopen"];

    private static bool Has(IHtmlDocument page, string handler) => page.QuerySelector($"form[action*='handler={handler}']") is not null;

    /// <summary>The review page's forms shown, by handler.</summary>
    private static string Offered(IHtmlDocument page) => string.Join(' ', ReviewHandlers.Where(h => Has(page, h)));

    private static async Task<IHtmlDocument> PostAsync(EnsaClient client, string url, string handler, Dictionary<string, string>? fields = null)
    {
        var page = await client.GetPageAsync(url);
        var values = new Dictionary<string, string>(fields ?? [])
        {
            ["__RequestVerificationToken"] = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
        };
        var response = await client.Http.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(values));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await EnsaClient.ParseAsync(response);
    }

    /// <summary>Anna's request submitted, waiting for Karin, her unit's principal.</summary>
    private Task<Guid> AwaitingPrincipalAsync() => app.WithDbAsync(async db =>
    {
        var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == RequestScenarios.Unit);
        var resource = await db.LearningResources.Where(r => r.Name == "Numerix Matteträning").Select(r => r.Id).SingleAsync();
        var anna = await RequestScenarios.ActorAsync(db, "anna.lindberg@mittkoping.example", Role.Requester);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var request = ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, anna, new RequestDetails { ResourceId = resource, Need = "Matte." }, now);
        Assert.True(request.Submit(anna, now).Succeeded);
        db.ResourceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    private Task<int> EventCountAsync(Guid id) => app.CountStoredAsync<RequestEvent>(e => e.RequestId == id);

    [Fact]
    public async Task RequestPage_AwaitingPrincipal_OffersApprovalToThePrincipalOnly_AndRefusesTheRequestersSubmit()
    {
        var id = await AwaitingPrincipalAsync();
        using var karin = await app.SignInAs(Roles.Principal);
        var asPrincipal = await karin.GetPageAsync($"/Requests/{id}");
        Assert.True(Has(asPrincipal, "Approve") && Has(asPrincipal, "SendBack"));
        Assert.False(Has(asPrincipal, "Submit"));

        using var anna = await app.SignInAs(Roles.Requester);
        var asRequester = await anna.GetPageAsync($"/Requests/{id}");
        Assert.False(Has(asRequester, "Approve") || Has(asRequester, "SendBack") || Has(asRequester, "Submit"));
        Assert.Null(asRequester.QuerySelector($"a[href='/Requests/Edit/{id}']"));
        var events = await EventCountAsync(id);
        var refused = await PostAsync(anna, $"/Requests/{id}", "Submit");
        Assert.Contains("redan inskickad", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Equal((RequestStatus.AwaitingPrincipal, events), (await app.StatusAsync(id), await EventCountAsync(id)));
    }

    [Fact]
    public async Task RequestPage_InReview_OffersThePrincipalNothing_AndRefusesALateApproval()
    {
        var id = await app.InReviewAsync();
        using var karin = await app.SignInAs(Roles.Principal);
        var page = await karin.GetPageAsync($"/Requests/{id}");
        Assert.False(Has(page, "Approve") || Has(page, "SendBack"));
        var events = await EventCountAsync(id);
        var refused = await PostAsync(karin, $"/Requests/{id}", "SendBack", new() { ["Comment"] = "För sent." });
        Assert.Contains("väntar inte på rektors godkännande", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Equal((RequestStatus.InReview, events), (await app.StatusAsync(id), await EventCountAsync(id)));
    }

    [Fact]
    public async Task ReviewPage_EachOfTheCentralDepartmentSeesOnlyTheirSteps_AndADecidedRequestOnlyReopens()
    {
        var id = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var review = await sara.GetPageAsync($"/Review/Request/{id}");
        Assert.Equal("Link Save Decide", Offered(review));
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        var security = await ahmed.GetPageAsync($"/Review/Request/{id}");
        Assert.Equal("Security", Offered(security));
        var notReviewer = await PostAsync(ahmed, $"/Review/Request/{id}", "Decide", new() { ["DecisionChoice"] = "Approved" });
        Assert.Contains("Bara förvaltningens granskare", EnsaClient.Text(notReviewer, ".errors"), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(id));

        await sara.FollowAsync(await sara.SubmitAsync($"/Review/Request/{id}", "form[action*='handler=Save']", new Dictionary<string, string>
        {
            ["Input.Accessibility"] = "Good", ["Input.SuitableForProtectedIdentity"] = "No", ["Input.AgreementNeed"] = "NotNeeded",
        }));
        // The review starts from Numerix's description, which names personal data: the security part comes first.
        await app.RecordSecurityPartAsync(id);
        await sara.FollowAsync(await sara.SubmitAsync($"/Review/Request/{id}", "form[action*='handler=Decide']",
            new Dictionary<string, string> { ["DecisionChoice"] = "Approved" }));
        Assert.Equal(RequestStatus.Approved, await app.StatusAsync(id));
        var decided = await sara.GetPageAsync($"/Review/Request/{id}");
        Assert.Equal("Reopen", Offered(decided));
        var again = await PostAsync(sara, $"/Review/Request/{id}", "Decide", new() { ["DecisionChoice"] = "NotApproved", ["Reason"] = "Ångrar mig." });
        Assert.Contains("redan beslutad", EnsaClient.Text(again, ".errors"), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Approved, await app.StatusAsync(id));
    }

    [Fact]
    public async Task PurchaseAndUsePages_OfferTheirStepsOnlyOnceApprovedOrInUse()
    {
        var inReview = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.Null((await sara.GetPageAsync($"/Requests/{inReview}")).QuerySelector($"a[href='/Requests/Purchase/{inReview}']"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await sara.Http.GetAsync($"/Requests/Purchase/{inReview}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await sara.Http.GetAsync($"/Requests/Use/{inReview}")).StatusCode);

        var inUse = await app.InUseAsync("Björkhagaskolan F–6", "lena.bjork@mittkoping.example", "Quizzly");
        var details = await sara.GetPageAsync($"/Requests/{inUse}");
        Assert.NotNull(details.QuerySelector($"a[href='/Requests/Purchase/{inUse}']"));
        Assert.NotNull(details.QuerySelector($"a[href='/Requests/Use/{inUse}']"));
        var use = await sara.GetPageAsync($"/Requests/Use/{inUse}");
        Assert.True(Has(use, "Name") && Has(use, "End"));
        Assert.False(Has(use, "Training")); // confirmed already, and the principal's step
        var refused = await PostAsync(sara, $"/Requests/Use/{inUse}", "Training", new() { ["trained"] = "true" });
        Assert.Contains("Bara rektor", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RightsCasePage_OffersAnswerAndNewLinkOnOpenTasksOnly_AndRefusesAnsweringTwice()
    {
        Guid[] inUse = [await app.InUseAsync("Hagaskolan", "oskar.wikstrom@mittkoping.example", "Quizzly"),
            await app.InUseAsync("Hagaskolan", "oskar.wikstrom@mittkoping.example", "Kodkraft Blocklabb")];
        var (id, answered, open) = await app.WithDbAsync(async db =>
        {
            var uses = await db.ResourceUses.IgnoreQueryFilters().Where(u => inUse.Contains(u.RequestId)).OrderBy(u => u.RequestId == inUse[0] ? 0 : 1)
                .Select(u => new UseAtUnit(u.RequestId, u.SchoolUnitId, u.ResourceId, u.AdministratorName!, u.AdministratorEmail!)).ToListAsync();
            var organizer = await db.ResourceRequests.IgnoreQueryFilters().Where(r => r.Id == inUse[0]).Select(r => r.OrganizerId).SingleAsync();
            var sara = await RequestScenarios.ActorAsync(db, "sara.nilsson@mittkoping.example", Role.CentralReviewer);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            Assert.True(RightsRequest.Open(organizer, RightsKind.Removal, "BUN 2026/901", DateOnly.FromDateTime(now), [uses[0].SchoolUnitId], uses, sara, now,
                out var request, out _).Succeeded);
            var first = request!.Tasks[0];
            Assert.True(request.Answer(first.LinkHolder, first.Id, RightsTaskStatus.Done, null, first.AdministratorName, now).Succeeded);
            db.RightsRequests.Add(request);
            await db.SaveChangesAsync();
            return (request.Id, first.Id, request.Tasks[1].Id);
        });
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync($"/Privacy/{id}");
        Assert.Equal(1, page.QuerySelectorAll("form[action*='handler=Answer']").Length);
        Assert.NotNull(page.QuerySelector($"form[action*='handler=Answer'][action*='task={open}']"));
        Assert.NotNull(page.QuerySelector($"form[action*='handler=NewLink'][action*='task={open}']"));
        Assert.Null(page.QuerySelector($"form[action*='task={answered}']"));

        var refused = await PostAsync(sara, $"/Privacy/{id}", $"Answer&task={answered}", new() { ["Answer"] = "NoDataHeld" });
        Assert.Contains("redan besvarad", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        var task = await app.StoredAsync<RightsTask>(t => t.Id == answered);
        Assert.Equal((RightsTaskStatus.Done, "Ulla Admin"), (task.Status, task.AnsweredBy)); // InUseAsync's administrator
    }
}
