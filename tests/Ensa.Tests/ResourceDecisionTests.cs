using System.Net;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The organizer's decision on a resource, apart from a unit's request to use it: a full review's decision is
/// the organizer's (what its list, register and record show) and supersedes the one before, kept as history; a request
/// for a resource the current decision approves needs only the principal and the unit's people, unless a reviewer
/// chooses to review it again.</summary>
public abstract class ResourceDecisionTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Anna = "anna.lindberg@mittkoping.example";
    private const string Karin = "karin.holm@mittkoping.example";
    private const string Sara = "sara.nilsson@mittkoping.example";
    private const string Lena = "lena.bjork@mittkoping.example";
    private static string ReviewPage(Guid id) => $"/Review/Request/{id}";
    private static string Form(string handler) => $"form[action*='handler={handler}']";

    private Task<Guid> ResourceAsync(string name) => app.WithDbAsync(db => db.LearningResources.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());

    /// <summary>Sara Nilsson decides on <paramref name="resource"/> through a full review of Lena Björk's request at
    /// Björkhagaskolan F–6, through the domain: the organizer's current decision on it.</summary>
    /// <remarks>With <see cref="AgreementNeed.Needed"/> the decision was made while an agreement was in force (none is now).</remarks>
    private Task<int> DecidedAsync(string resource, Decision decision, AgreementNeed need = AgreementNeed.NotNeeded, string? text = null) =>
        app.WithDbAsync(async db =>
        {
            var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == "Björkhagaskolan F–6" && u.SchoolUnitCode != null);
            var lena = await RequestScenarios.ActorAsync(db, Lena, Role.Principal);
            var sara = await RequestScenarios.ActorAsync(db, Sara, Role.CentralReviewer);
            var now = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
            var request = ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, lena,
                new RequestDetails { ResourceId = await ResourceAsync(resource), Need = "Behov." }, now);
            Assert.True(request.Submit(lena, now).Succeeded);
            var review = new ResourceReview(request, now) { AgreementNeed = need, PedagogicalAssessment = "Bra progression." };
            review.SignReview(sara, now);
            Assert.True(request.Decide(sara, review, decision, decision == Decision.ApprovedWithConditions ? text : null,
                decision == Decision.NotApproved ? text : null, now, agreementInForce: need == AgreementNeed.Needed).Succeeded);
            db.ResourceRequests.Add(request);
            db.ResourceReviews.Add(review);
            return await db.SaveChangesAsync();
        });

    /// <summary>Anna Lindberg's request for <paramref name="resource"/> at Ekbackeskolan F–3, submitted through the domain:
    /// waiting for Karin Holm.</summary>
    private Task<Guid> AwaitingPrincipalAsync(string resource) => app.WithDbAsync(async db =>
    {
        var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == RequestScenarios.Unit);
        var anna = await RequestScenarios.ActorAsync(db, Anna, Role.Requester);
        var now = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        var request = ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, anna,
            new RequestDetails { ResourceId = await ResourceAsync(resource), Need = "Färdighetsträning.", Users = RequestUsers.Pupils }, now);
        Assert.True(request.Submit(anna, now).Succeeded);
        db.ResourceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    private Task<List<ResourceDecision>> DecisionsAsync(string resource) => app.WithDbAsync(async db =>
    {
        var id = await db.LearningResources.Where(r => r.Name == resource).Select(r => r.Id).SingleAsync();
        return await db.ResourceDecisions.IgnoreQueryFilters().AsNoTracking().Where(d => d.ResourceId == id).OrderBy(d => d.DecidedAt).ToListAsync();
    });

    private async Task<Guid> ApprovedByPrincipalAsync(string resource)
    {
        var id = await AwaitingPrincipalAsync(resource);
        using var karin = await app.SignInAs(Roles.Principal);
        await karin.FollowAsync(await karin.SubmitAsync($"/Requests/{id}", "form[action*=Approve]"));
        return id;
    }

    [Fact]
    public async Task EachFullDecision_SupersedesTheOrganizersPrevious_OneCurrent_HistoryOnTheResourcePage()
    {
        app.RequireDatabase();
        await DecidedAsync("Tonkraft Komponera", Decision.Approved);
        await DecidedAsync("Tonkraft Komponera", Decision.NotApproved, text: "Ny version samlar in röstinspelningar.");

        var decisions = await DecisionsAsync("Tonkraft Komponera");
        var current = Assert.Single(decisions, d => d.SupersededAt is null);
        Assert.Equal((Decision.NotApproved, "Ny version samlar in röstinspelningar."), (current.Decision, current.Reason));
        Assert.All(decisions.Where(d => d != current), d => Assert.Equal(current.DecidedAt, d.SupersededAt));
        Assert.Contains(decisions, d => d.Decision == Decision.Approved);

        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync($"/Resources/{await ResourceAsync("Tonkraft Komponera")}");
        Assert.Contains("Ej godkänd", EnsaClient.Text(page, ".decision-here .status-here"), StringComparison.Ordinal);
        var history = EnsaClient.Text(page, "table.decision-history");
        Assert.Contains("Godkänd", history, StringComparison.Ordinal);
        Assert.Contains("Ny version samlar in röstinspelningar.", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestForAnApprovedResource_PrincipalApproves_ApprovedAtOnceByTheOrganizersDecision_NoReview_SaidOnTheRequest()
    {
        app.RequireDatabase();
        await DecidedAsync("Tonkraft Rytmlek", Decision.Approved);
        var before = await DecisionsAsync("Tonkraft Rytmlek");
        var id = await AwaitingPrincipalAsync("Tonkraft Rytmlek");
        using var karin = await app.SignInAs(Roles.Principal);
        // Before the principal's step, the request already says what will happen.
        var ahead = await karin.GetPageAsync($"/Requests/{id}");
        Assert.Contains("godkänd utan ny granskning", EnsaClient.Text(ahead, ".standing-decision"), StringComparison.Ordinal);

        var done = await karin.FollowAsync(await karin.SubmitAsync($"/Requests/{id}", "form[action*=Approve]"));

        Assert.Contains("ingen ny granskning behövs", done.Body!.TextContent, StringComparison.Ordinal);
        var request = await app.StoredAsync<ResourceRequest>(r => r.Id == id);
        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.Equal(before.Single(d => d.SupersededAt is null).Id, request.StandingDecisionId);
        Assert.False(await app.IsStoredAsync<ResourceReview>(r => r.RequestId == id));
        // The organizer's decision is neither replaced nor repeated.
        Assert.Equal(before.Select(d => (d.Id, d.SupersededAt)), (await DecisionsAsync("Tonkraft Rytmlek")).Select(d => (d.Id, d.SupersededAt)));
        var page = await karin.GetPageAsync($"/Requests/{id}");
        Assert.Contains("Huvudmannens beslut om resursen den", EnsaClient.Text(page, "section.standing-decision"), StringComparison.Ordinal);
        Assert.Contains("Godkänd enligt huvudmannens beslut om resursen", EnsaClient.Text(page, "body"), StringComparison.Ordinal);
        // The unit goes on to name its people.
        Assert.NotNull(page.QuerySelector("a[href*='/Requests/Use/']"));
    }

    [Fact]
    public async Task ApprovedAtOnce_RequesterToldTheDecision_ReviewersNotAskedToReview()
    {
        app.RequireDatabase();
        await DecidedAsync("Geodia Kartquiz", Decision.ApprovedWithConditions, text: "Endast med klassnamn, inga elevnamn.");

        var id = await ApprovedByPrincipalAsync("Geodia Kartquiz");

        Assert.Equal(RequestStatus.ApprovedWithConditions, await app.StatusAsync(id));
        var link = $"/Requests/{id}";
        var told = await app.WithDbAsync(async db => (await db.Notifications.IgnoreQueryFilters().Where(n => n.Link == link)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.Email, n.MessageKey }).ToListAsync()).Select(n => (n.Email, n.MessageKey)).ToList());
        Assert.Contains((Anna, "Notify.ApprovedByStandingDecision"), told);
        Assert.DoesNotContain(told, t => t.MessageKey is "Notify.Task.Review" or "Notify.Task.SecurityPart" or "Notify.PrincipalApproved");
        var mail = Assert.Single(await app.MailAsync(m => m.TextBody.Contains(link) && m.To == Anna && m.Subject.Contains("huvudmannens beslut")));
        Assert.Contains("Beslut: godkänd med villkor: Endast med klassnamn, inga elevnamn.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCurrentApproval_OrTheNeededAgreementNotInForce_TheRequestGoesToAFullReview()
    {
        app.RequireDatabase();
        await DecidedAsync("Geodia Historiska kartor", Decision.NotApproved, text: "Saknar tillgänglighet.");
        await DecidedAsync("Naturlabbet Fysik", Decision.Approved, AgreementNeed.Needed);

        foreach (var resource in new[] { "Geodia Historiska kartor", "Naturlabbet Fysik", "Kodkraft Robotlabb" })
        {
            var id = await ApprovedByPrincipalAsync(resource);
            var request = await app.StoredAsync<ResourceRequest>(r => r.Id == id);
            Assert.Equal((RequestStatus.InReview, (Guid?)null), (request.Status, request.StandingDecisionId));
        }
    }

    [Fact]
    public async Task ReviewerReviewsAgain_StartsFromTheDecisionsReview_NewDecisionSupersedesTheOrganizers()
    {
        app.RequireDatabase();
        await DecidedAsync("Naturlabbet Teknikbygge", Decision.Approved);
        var id = await ApprovedByPrincipalAsync("Naturlabbet Teknikbygge");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var review = await sara.GetPageAsync(ReviewPage(id));
        Assert.Contains("godkändes enligt beslutet", EnsaClient.Text(review, "section.standing-decision"), StringComparison.Ordinal);

        var earlier = await DecisionsAsync("Naturlabbet Teknikbygge");
        await sara.FollowAsync(await sara.SubmitAsync(ReviewPage(id), Form("Reopen"), new Dictionary<string, string> { ["ReopenReason"] = "Ny AI-funktion." }));

        var reopened = await app.StoredAsync<ResourceRequest>(r => r.Id == id);
        Assert.Equal((RequestStatus.InReview, (Guid?)null), (reopened.Status, reopened.StandingDecisionId));
        var started = await app.StoredAsync<ResourceReview>(r => r.RequestId == id);
        Assert.Equal("Bra progression.", started.PedagogicalAssessment);
        var page = await sara.GetPageAsync(ReviewPage(id));
        Assert.Contains("ersätter huvudmannens gällande beslut", EnsaClient.Text(page, "section.standing-decision"), StringComparison.Ordinal);

        await sara.FollowAsync(await sara.SubmitAsync(ReviewPage(id), Form("Save"), new Dictionary<string, string>
        {
            ["Input.Accessibility"] = "Good", ["Input.SuitableForProtectedIdentity"] = "No", ["Input.AgreementNeed"] = "NotNeeded",
        }));
        Assert.Equal(HttpStatusCode.Redirect, (await sara.SubmitAsync(ReviewPage(id), Form("Decide"), new Dictionary<string, string>
        {
            ["DecisionChoice"] = "NotApproved", ["Reason"] = "AI-funktionen skickar elevtexter till tredje land.",
        })).StatusCode);

        var decisions = await DecisionsAsync("Naturlabbet Teknikbygge");
        var current = Assert.Single(decisions, d => d.SupersededAt is null);
        Assert.Equal((Decision.NotApproved, id), (current.Decision, current.RequestId));
        Assert.Equal(earlier.Count + 1, decisions.Count);
        Assert.Equal(RequestStatus.NotApproved, await app.StatusAsync(id));
    }

    [Fact]
    public async Task ReviewerAppliesTheOrganizersDecision_ToARequestInReview_OthersAndRequestsWithoutOneAreRefused()
    {
        app.RequireDatabase();
        await DecidedAsync("Bildverket Filmstudio", Decision.Approved);
        var id = await app.InReviewAsync("Bildverket Filmstudio");
        var without = await app.InReviewAsync("Kodkraft Webbstudio");

        using (var anna = await app.SignInAs(Roles.Requester))
        {
            // The review page is the central department's: a forged post with Anna's own valid token is turned away.
            var token = ((AngleSharp.Html.Dom.IHtmlInputElement)(await anna.GetPageAsync($"/Requests/{id}"))
                .QuerySelector("input[name='__RequestVerificationToken']")!).Value;
            var forged = await anna.Http.PostAsync($"{ReviewPage(id)}?handler=ApplyStanding",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Contains("AccessDenied", forged.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(id));

        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.Null((await sara.GetPageAsync(ReviewPage(without))).QuerySelector(Form("ApplyStanding")));
        var refused = await EnsaClient.ParseAsync(await sara.PostHandlerAsync(ReviewPage(without), "ApplyStanding"));
        Assert.Contains("inget gällande godkännande", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InReview, await app.StatusAsync(without));

        var done = await sara.FollowAsync(await sara.SubmitAsync(ReviewPage(id), Form("ApplyStanding")));

        Assert.Contains("godkänd enligt huvudmannens beslut", done.Body!.TextContent, StringComparison.Ordinal);
        var request = await app.StoredAsync<ResourceRequest>(r => r.Id == id);
        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.NotNull(request.StandingDecisionId);
        Assert.True(await app.IsStoredAsync<RequestEvent>(e => e.RequestId == id && e.Kind == RequestEventKind.ApprovedByStandingDecision));
    }

    [Fact]
    public async Task PublicListAndRegister_ReadTheCurrentDecision_NotTheLatestRequest()
    {
        app.RequireDatabase();
        await DecidedAsync("Scribo Läsförståelse", Decision.ApprovedWithConditions, text: "Endast åk 3–6.");
        var approved = (await DecisionsAsync("Scribo Läsförståelse")).Single(d => d.SupersededAt is null);
        // A request approved by it changes nothing the public sees.
        await ApprovedByPrincipalAsync("Scribo Läsförståelse");

        var address = $"/public/mittkoping/resources/{await ResourceAsync("Scribo Läsförståelse")}";
        using var visitor = app.NewClient();
        var list = await visitor.GetPageAsync(address);
        Assert.Contains("Endast åk 3–6.", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Ensa.Web.Forms.Format.Date(approved.DecidedAt), list.Body.TextContent, StringComparison.Ordinal);

        await DecidedAsync("Scribo Läsförståelse", Decision.NotApproved, text: "Leverantören bytte underbiträde.");
        var after = await (await visitor.Http.GetAsync(address)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Endast åk 3–6.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Godkänd med villkor", after, StringComparison.Ordinal);
    }
}

public sealed class ResourceDecisionSqliteTests(EnsaAppFactory app) : ResourceDecisionTests<EnsaAppFactory>(app);

public sealed class ResourceDecisionPostgresTests(PostgresAppFactory app) : ResourceDecisionTests<PostgresAppFactory>(app);
