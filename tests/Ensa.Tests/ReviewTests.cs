using System.Net;
using AngleSharp.Dom;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Step 2–4 over HTTP: the queue, the structured review, the security part, the decision, re-review,
/// purchase and use.</summary>
public sealed class ReviewTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private static string Page(Guid id) => $"/Review/Request/{id}";

    private static Dictionary<string, string> Review(AgreementNeed agreement = AgreementNeed.NotNeeded, bool shared = false) => new()
    {
        ["Input.PedagogicalAssessment"] = "Bra progression, följer kursplanen.",
        ["Input.Accessibility"] = "Good",
        ["Input.PersonalDataCategories"] = "Namn, klass, resultat",
        ["Input.SuitableForProtectedIdentity"] = "No",
        ["Input.ScreeningChildren"] = "true",
        ["Input.AgreementNeed"] = agreement.ToString(),
        ["Input.Shared"] = shared ? "true" : "false",
    };

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PostAsync(EnsaClient client, Guid id, string handler, Dictionary<string, string> fields) =>
        await EnsaClient.ParseAsync(await client.SubmitAsync(Page(id), $"form[action*='handler={handler}']", fields));

    private static Task<HttpResponseMessage> DecideAsync(EnsaClient client, Guid id, Decision decision, string? conditions = null, string? reason = null) =>
        client.SubmitAsync(Page(id), "form[action*='handler=Decide']", new Dictionary<string, string>
        {
            ["DecisionChoice"] = decision.ToString(), ["Conditions"] = conditions ?? "", ["Reason"] = reason ?? "",
        });

    [Fact]
    public async Task Queue_InReviewRequests_OldestFirstWithAge()
    {
        var older = await app.InReviewAsync();
        app.Clock.Offset = TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(1));
        try
        {
            var newer = await app.InReviewAsync("Quizzly");
            using var sara = await app.SignInAs(Roles.CentralReviewer);
            var rows = (await sara.GetPageAsync("/Review")).QuerySelectorAll("tbody tr").Select(r => r.InnerHtml).ToList();
            var olderAt = rows.FindIndex(r => r.Contains(older.ToString(), StringComparison.Ordinal));
            var newerAt = rows.FindIndex(r => r.Contains(newer.ToString(), StringComparison.Ordinal));
            Assert.True(olderAt >= 0 && olderAt < newerAt);
            Assert.Contains("3 dagar", rows[olderAt], StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Theory]
    [InlineData(Roles.Requester)]
    [InlineData(Roles.Principal)]
    [InlineData(Roles.OrganizerAdmin)]
    public async Task Queue_NotCentralDepartment_IsRefused(string role)
    {
        using var client = await app.SignInAs(role);
        var response = await client.Http.GetAsync("/Review");
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ReviewerSecurityAndDecision_ApprovedWithConditionsShownToRequester()
    {
        var id = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']", Review()));
        using (var ahmed = await app.SignInAs(Roles.SecurityCoordinator))
            await ahmed.FollowAsync(await ahmed.SubmitAsync(Page(id), "form[action*='handler=Security']",
                new Dictionary<string, string> { ["SecurityAssessment"] = "Loggning finns; data lagras i Sverige." }));

        var missing = await EnsaClient.ParseAsync(await DecideAsync(sara, id, Decision.ApprovedWithConditions));
        Assert.NotEmpty(missing.QuerySelector(".errors")!.TextContent.Trim());
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(id));
        var decided = await sara.FollowAsync(await DecideAsync(sara, id, Decision.ApprovedWithConditions, "Inte för elever med skyddad identitet."));
        Assert.Contains("Godkänd med villkor", decided.QuerySelector("#decision-heading + p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.ApprovedWithConditions, await app.StatusAsync(id));

        var review = await app.StoredAsync<ResourceReview>(r => r.RequestId == id);
        Assert.Equal("Sara Nilsson", review.ReviewerName);
        Assert.Equal("Ahmed Karimi", review.SecurityCoordinatorName);
        Assert.Equal("Sara Nilsson", review.DecidedByName);
        Assert.True(review.ScreeningChildren);
        var kinds = (await app.AllStoredAsync<RequestEvent>(e => e.RequestId == id)).OrderBy(e => e.At).Select(e => e.Kind);
        Assert.Equal([RequestEventKind.Created, RequestEventKind.Submitted, RequestEventKind.PrincipalApproved, RequestEventKind.ReviewRecorded,
            RequestEventKind.SecurityReviewRecorded, RequestEventKind.Decided], kinds);
        // The requester is told of the decision and the principal what to do next, in the app and by e-mail.
        var told = await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters()
            .Where(n => n.Link == $"/Requests/{id}" && (n.MessageKey == "Notify.Decided" || n.MessageKey == "Notify.Task.NameResponsibles"))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email + " " + n.MessageKey).ToListAsync());
        Assert.Equal(["anna.lindberg@mittkoping.example Notify.Decided", "karin.holm@mittkoping.example Notify.Task.NameResponsibles"], told.Order());
        Assert.True(await app.IsStoredAsync<OutboxMessage>(m => m.To == "anna.lindberg@mittkoping.example" && m.TextBody.Contains($"/Requests/{id}")));
    }

    [Fact]
    public async Task NewReview_NothingPreselected_WithoutChoicesSaveAndDecideAreRefusedByTheField()
    {
        var id = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync(Page(id));
        Assert.NotEmpty(page.QuerySelectorAll("form[action*='handler=Save'] input[type=radio]"));
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Save'] input[type=radio][checked]"));
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Decide'] input[type=radio][checked]"));

        // The form as shown, with only text written: refused by each choice, nothing saved, the text kept.
        var refused = await EnsaClient.ParseAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']",
            new Dictionary<string, string> { ["Input.PedagogicalAssessment"] = "Bra progression." }));
        Assert.Contains("avtal behövs", EnsaClient.Text(refused, "#ag-error"), StringComparison.Ordinal);
        Assert.Contains("tillgängligheten", EnsaClient.Text(refused, "#acc-error"), StringComparison.Ordinal);
        Assert.Contains("skyddad identitet", EnsaClient.Text(refused, "#pi-error"), StringComparison.Ordinal);
        Assert.Equal("Bra progression.", refused.QuerySelector("#ped")!.TextContent);
        Assert.False(await app.IsStoredAsync<ResourceReview>(r => r.RequestId == id));

        // A saved review shows what was saved.
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']", Review(AgreementNeed.Needed)));
        var saved = await sara.GetPageAsync(Page(id));
        Assert.Equal(["acc-Good", "pi-No", "ag-Needed"], saved.QuerySelectorAll("form[action*='handler=Save'] input[type=radio][checked]").Select(i => i.Id));

        var undecided = await EnsaClient.ParseAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Decide']",
            new Dictionary<string, string> { ["Conditions"] = "Endast lärarkonton." }));
        Assert.Contains("Välj ett beslut", EnsaClient.Text(undecided, "#d-error"), StringComparison.Ordinal);
        Assert.Equal("Endast lärarkonton.", undecided.QuerySelector("#Conditions")!.TextContent);
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(id));
        Assert.Null((await app.StoredAsync<ResourceReview>(r => r.RequestId == id)).Decision);
    }

    [Fact]
    public async Task Decide_AgreementNeeded_WaitsUntilAnAgreementIsRecorded()
    {
        var id = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']", Review(AgreementNeed.Needed)));
        await app.RecordSecurityPartAsync(id);
        var waiting = await sara.FollowAsync(await DecideAsync(sara, id, Decision.Approved));
        Assert.Equal(RequestStatus.AwaitingAgreement, await app.StatusAsync(id));
        Assert.Contains("väntar på ett personuppgiftsbiträdesavtal", waiting.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']", Review(AgreementNeed.AlreadySigned)));
        await sara.FollowAsync(await DecideAsync(sara, id, Decision.Approved));
        Assert.Equal(RequestStatus.Approved, await app.StatusAsync(id));
    }

    [Fact]
    public async Task Decide_Twice_IsRefusedUntilReopenedAndHistoryIsKept()
    {
        var id = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']", Review()));
        await app.RecordSecurityPartAsync(id);
        await sara.FollowAsync(await DecideAsync(sara, id, Decision.NotApproved, reason: "Saknar tillgänglighet."));
        Assert.Equal(RequestStatus.NotApproved, await app.StatusAsync(id));

        // No decide form for a decided request; a forged post is refused by the domain.
        var page = await sara.GetPageAsync(Page(id));
        Assert.Null(page.QuerySelector("form[action*='handler=Decide']"));
        var forged = await sara.Http.PostAsync(Page(id) + "?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DecisionChoice"] = "Approved",
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.NotEmpty((await EnsaClient.ParseAsync(forged)).QuerySelector(".errors")!.TextContent.Trim());
        Assert.Equal(RequestStatus.NotApproved, await app.StatusAsync(id));

        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Reopen']", new Dictionary<string, string> { ["ReopenReason"] = "Leverantören har åtgärdat bristerna." }));
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(id));
        // The new round starts from the old assessment but must be reviewed (signed) again before a decision.
        Assert.NotEmpty((await EnsaClient.ParseAsync(await DecideAsync(sara, id, Decision.Approved))).QuerySelector(".errors")!.TextContent.Trim());
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']", Review()));
        await app.RecordSecurityPartAsync(id);
        await sara.FollowAsync(await DecideAsync(sara, id, Decision.Approved));
        Assert.Equal(RequestStatus.Approved, await app.StatusAsync(id));
        var decisions = (await app.AllStoredAsync<ResourceReview>(r => r.RequestId == id)).OrderBy(r => r.CreatedAt).Select(r => r.Decision);
        Assert.Equal([Decision.NotApproved, Decision.Approved], decisions);
        Assert.Contains("Saknar tillgänglighet", (await sara.GetPageAsync(Page(id))).QuerySelector("#history-heading + ul")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_SecurityCoordinator_IsRefused()
    {
        var id = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']", Review()));
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        var page = await ahmed.GetPageAsync(Page(id));
        Assert.Null(page.QuerySelector("form[action*='handler=Decide']"));
        var forged = await ahmed.Http.PostAsync(Page(id) + "?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DecisionChoice"] = "Approved",
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(id));
    }

    [Fact]
    public async Task NewResource_MustBeLinkedToTheCatalogueBeforeDeciding()
    {
        var id = await app.InReviewAsync("Numerix Matteträning", linkResource: false);
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']", Review()));
        await app.RecordSecurityPartAsync(id);
        // No decision is offered before the link; a forged one is refused.
        var page = await sara.GetPageAsync(Page(id));
        Assert.Null(page.QuerySelector("form[action*='handler=Decide']"));
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var refused = await EnsaClient.ParseAsync(await sara.Http.PostAsync(Page(id) + "?handler=Decide", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["DecisionChoice"] = "Approved" })));
        Assert.Contains("Koppla förfrågan till en lärresurs", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(id));
        var resource = await app.ResourceIdAsync("Sagoväven Läsresan");
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Link']", new Dictionary<string, string> { ["ResourceId"] = resource.ToString() }));
        await sara.FollowAsync(await DecideAsync(sara, id, Decision.Approved));
        Assert.Equal(RequestStatus.Approved, await app.StatusAsync(id));
    }

    [Fact]
    public async Task OtherOrganizers_SharedReviewsOnly_AreShownToTheReviewer()
    {
        // Lärande Norr decides on Quizzly twice: once shared, once not.
        await app.WithDbAsync(async db =>
        {
            var larande = await db.Organizers.SingleAsync(o => o.Slug == "larandenorr");
            var quizzly = await db.LearningResources.SingleAsync(r => r.Name == "Quizzly");
            var ida = await RequestScenarios.ActorAsync(db, "ida.persson@larandenorr.example", Role.Principal, Role.CentralReviewer);
            var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == ida.PrincipalOfUnits.First());
            var ida2 = ida with { Roles = new HashSet<Role> { Role.CentralReviewer } };
            foreach (var (shared, conditions) in new[] { (true, "Endast lärarkonton."), (false, "Hemligt villkor.") })
            {
                var now = app.Clock.GetUtcNow().UtcDateTime;
                var request = ResourceRequest.CreateDraft(larande.Id, unit.Id, ida, new RequestDetails { ResourceId = quizzly.Id, Need = "Quiz" }, now);
                request.Submit(ida, now);
                var review = new ResourceReview(request, now) { Shared = shared };
                review.SignReview(ida2, now);
                Assert.True(request.Decide(ida2 with { UserId = Guid.NewGuid() }, review, Decision.ApprovedWithConditions, conditions, null, now).Succeeded);
                db.ResourceRequests.Add(request);
                db.ResourceReviews.Add(review);
            }
            return await db.SaveChangesAsync();
        });
        var id = await app.InReviewAsync("Quizzly");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var text = (await sara.GetPageAsync(Page(id))).QuerySelector("#resource-heading")!.ParentElement!.TextContent;
        Assert.Contains("Lärande Norr AB", text, StringComparison.Ordinal);
        Assert.Contains("Endast lärarkonton.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemligt villkor.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_OtherOrganizer_Answers404()
    {
        var id = await app.InReviewAsync();
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        var larande = await app.OrganizerIdAsync("larandenorr");
        await ahmed.FollowAsync(await ahmed.SubmitAsync("/", "form[action='/Account/SwitchOrganizer']", new Dictionary<string, string> { ["organizerId"] = larande.ToString() }));
        Assert.Equal(HttpStatusCode.NotFound, (await ahmed.Http.GetAsync(Page(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ahmed.Http.GetAsync($"/Requests/Purchase/{id}")).StatusCode);
    }

    [Fact]
    public async Task PurchaseAndUse_ApprovedRequest_BecomesInUseAtTheUnit()
    {
        var id = await app.InReviewAsync();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(Page(id), "form[action*='handler=Save']", Review()));
        await app.RecordSecurityPartAsync(id);
        await sara.FollowAsync(await DecideAsync(sara, id, Decision.Approved));

        using var anna = await app.SignInAs(Roles.Requester);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.Http.GetAsync($"/Requests/Purchase/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anna.Http.GetAsync($"/Requests/Use/{id}")).StatusCode);

        var noAgreement = await EnsaClient.ParseAsync(await sara.SubmitAsync($"/Requests/Purchase/{id}", "main form",
            new Dictionary<string, string> { ["Input.Kind"] = "FreeService", ["Input.ServiceAgreementReference"] = "" }));
        Assert.Contains("tjänsteavtal", EnsaClient.Text(noAgreement, ".error"), StringComparison.Ordinal);
        var atea = (await app.StoredAsync<FrameworkAgreement>(f => f.Name == "ATEA")).Id;
        await sara.FollowAsync(await sara.SubmitAsync($"/Requests/Purchase/{id}", "main form", new Dictionary<string, string>
        {
            ["Input.Kind"] = "FrameworkAgreement", ["Input.FrameworkAgreementId"] = atea.ToString(), ["Input.Licences"] = "60",
            ["Input.PeriodStart"] = "2027-01-01", ["Input.PeriodEnd"] = "2027-12-31", ["Input.Cost"] = "12000", ["Input.OrderReference"] = "PO-4711",
        }));

        using var karin = await app.SignInAs(Roles.Principal);
        var karinId = await app.UserIdAsync("karin.holm@mittkoping.example");
        var form = await karin.GetPageAsync($"/Requests/Use/{id}");
        Assert.Equal(karinId.ToString(), form.QuerySelector("#reg option[selected]")!.GetAttribute("value"));
        await karin.FollowAsync(await karin.SubmitAsync($"/Requests/Use/{id}", "form[action*='handler=Name']", new Dictionary<string, string>
        {
            ["AdministratorName"] = "Per Admin", ["AdministratorEmail"] = "per.admin@mittkoping.example",
        }));
        Assert.Equal(RequestStatus.Approved, await app.StatusAsync(id));
        await karin.FollowAsync(await karin.SubmitAsync($"/Requests/Use/{id}", "form[action*='handler=Training']", new Dictionary<string, string> { ["trained"] = "true" }));
        Assert.Equal(RequestStatus.InUse, await app.StatusAsync(id));

        var use = await app.StoredAsync<ResourceUse>(u => u.RequestId == id);
        Assert.Equal(karinId, use.RegisteransvarigUserId);
        Assert.Equal("Per Admin", use.AdministratorName);
        Assert.NotNull(use.InUseSince);
        var purchase = await app.StoredAsync<Purchase>(p => p.RequestId == id);
        Assert.Equal(60, purchase.Licences);
        Assert.Equal(new DateOnly(2027, 12, 31), purchase.PeriodEnd);
    }

    [Fact]
    public async Task Notifications_RequesterSeesStepsAndMarksThemRead()
    {
        await app.InReviewAsync();
        using var anna = await app.SignInAs(Roles.Requester);
        var page = await anna.GetPageAsync("/Notifications");
        Assert.Contains("Rektor har godkänt förfrågan om Numerix Matteträning", page.QuerySelector(".notifications")!.TextContent, StringComparison.Ordinal);
        RoleAccessTests.AssertAllTextsTranslated(page);
        var read = await anna.FollowAsync(await anna.SubmitAsync("/Notifications", "form.mark-read"));
        Assert.Empty(read.QuerySelectorAll(".notifications li.unread"));
    }
}
