using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Notifications;
using Ensa.Organizers;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Step 0–1 of the request process over HTTP: the requester's form, the principal's approval, the record
/// with its timeline, who may see and do what, and the notifications each step sends.</summary>
public sealed class RequestTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "höstlov i oktober";
    private const string Unit = "Ekbackeskolan F–3";
    private static readonly string[] KarinMailed = ["karin.holm@mittkoping.example"];
    private static readonly string[] BothMailed = ["anna.lindberg@mittkoping.example", "karin.holm@mittkoping.example"];

    private Task<ResourceRequest> RequestAsync(Guid id) => app.StoredAsync<ResourceRequest>(r => r.Id == id);

    private static Guid IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Requests/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/Requests/".Length..]);
    }

    /// <summary>Fills in the request form on <paramref name="url"/> and presses "Save draft" or "Submit", as a browser
    /// would (the Submit button posts to its own formaction).</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(EnsaClient client, string url, bool submit, IReadOnlyDictionary<string, string> values)
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>("form.request-form") ?? throw new InvalidOperationException($"No request form on {url}.");
        if (submit) form.SetAttribute("action", form.QuerySelector("button[formaction]")!.GetAttribute("formaction")!);
        return await client.SubmitAsync(url, form, values);
    }

    private static Dictionary<string, string> Filled(string name, string need = "Lästräning i åk 2 med ljudstöd.") => new()
    {
        ["Input.ProposedName"] = name,
        ["Input.ProposedSupplier"] = "Exempelförlaget AB",
        ["Input.ProposedWebAddress"] = "https://exempel.example",
        ["Input.Need"] = need,
        ["Input.Pupils"] = "true",
        ["Input.Grades"] = "F–3",
        ["Input.ApproxUsers"] = "60",
        ["Input.PersonalData"] = "Namn och klass",
        ["Input.ProtectedIdentity"] = "No",
        ["Input.SignIn"] = "FederatedSchoolLogin",
    };

    /// <summary>Anna submits a new request for a resource not in the catalogue; it waits for Karin.</summary>
    private static async Task<Guid> SubmittedByAnnaAsync(EnsaClient anna, string name) =>
        IdFrom(await PostFormAsync(anna, "/Requests/New", submit: true, Filled(name)));

    private async Task<EnsaClient> SignInWithPasswordAsync(string email, Role role, string? principalOf = null)
    {
        var user = await app.CreateUserWithPasswordAsync(email, Password, role);
        if (principalOf is not null)
        {
            var unit = await app.SchoolUnitIdAsync(principalOf);
            await app.WithDbAsync(async db =>
            {
                var organizer = await db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.Id == unit).Select(u => u.OrganizerId).SingleAsync();
                db.Memberships.Add(new Membership(user.Id, organizer, Role.Principal, unit, DateTime.UtcNow));
                return await db.SaveChangesAsync();
            });
        }
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInWithPasswordAsync(email, Password)).StatusCode);
        return client;
    }

    private static async Task<string> TokenAsync(EnsaClient client) =>
        (await client.GetPageAsync("/Requests/New")).QuerySelector<IHtmlInputElement>("form.request-form input[name=__RequestVerificationToken]")!.Value;

    [Fact]
    public async Task Draft_SavedThenEditedLater_KeepsWhatWasWritten()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var form = await anna.GetPageAsync("/Requests/New");
        // Anna has one school unit: it is chosen for her.
        Assert.Equal(await app.SchoolUnitIdAsync(Unit), Guid.Parse(form.QuerySelector<IHtmlSelectElement>("select[name='Input.SchoolUnitId']")!.Value!));

        var response = await PostFormAsync(anna, "/Requests/New", submit: false, new Dictionary<string, string>
        {
            ["Input.ProposedName"] = "Utkastappen",
            ["Input.Paid"] = "true",
            ["Input.Cost"] = "12 000",
        });
        var id = IdFrom(response);
        var details = await anna.FollowAsync(response);
        Assert.Contains("Utkastet är sparat", details.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Utkast", details.QuerySelector(".request-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("12 000 kr", details.QuerySelector(".facts")!.TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);
        var saved = await RequestAsync(id);
        Assert.Equal((RequestStatus.Draft, 12000m, Unit), (saved.Status, saved.Cost!.Value, (await app.StoredAsync<OrganisationUnit>(u => u.Id == saved.SchoolUnitId)).Name));

        var list = await anna.GetPageAsync("/Requests");
        Assert.Contains("Utkastappen", list.QuerySelector("table.mine")!.TextContent, StringComparison.Ordinal);

        var edit = await anna.GetPageAsync($"/Requests/Edit/{id}");
        Assert.Equal("Utkastappen", edit.QuerySelector<IHtmlInputElement>("input[name='Input.ProposedName']")!.Value);
        Assert.Equal("12000", edit.QuerySelector<IHtmlInputElement>("input[name='Input.Cost']")!.Value);
        await anna.FollowAsync(await PostFormAsync(anna, $"/Requests/Edit/{id}", submit: false,
            new Dictionary<string, string> { ["Input.Need"] = "Glosträning hemma och i skolan.", ["Input.Staff"] = "true" }));
        saved = await RequestAsync(id);
        Assert.Equal(("Glosträning hemma och i skolan.", RequestUsers.Staff, RequestStatus.Draft, "Utkastappen"),
            (saved.Need, saved.Users, saved.Status, saved.ProposedName));
    }

    [Fact]
    public async Task Submit_WithoutNeed_SaysWhatIsMissingAndStoresNothing()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var response = await PostFormAsync(anna, "/Requests/New", submit: true, new Dictionary<string, string> { ["Input.ProposedName"] = "Behovslösa appen" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await EnsaClient.ParseAsync(response);
        Assert.Contains("Beskriv behov och syfte", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Beskriv behov och syfte", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<ResourceRequest>(r => r.ProposedName == "Behovslösa appen"));
        // What was written stays in the form, which still posts to a new request.
        Assert.Equal("Behovslösa appen", page.QuerySelector<IHtmlInputElement>("input[name='Input.ProposedName']")!.Value);
        Assert.StartsWith("/Requests/New", page.QuerySelector("form.request-form")!.GetAttribute("action"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithThreeMistakes_ShowsAllThreeAndStoresNoRequest()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var response = await PostFormAsync(anna, "/Requests/New", submit: true, new Dictionary<string, string>
        {
            ["Input.ProposedWebAddress"] = "tre fel punkt se",
            ["Input.Grades"] = "Trefelsklassen",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await EnsaClient.ParseAsync(response);
        // Each beside its field; what a submission lacks also in the summary.
        foreach (var problem in new[] { "Beskriv behov och syfte", "Välj en lärresurs ur listan eller skriv namnet", "Skriv hela webbadressen" })
            Assert.Contains(problem, EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
        var summary = page.QuerySelector(".errors")!.TextContent;
        Assert.Contains("Beskriv behov och syfte", summary, StringComparison.Ordinal);
        Assert.Contains("Välj en lärresurs ur listan eller skriv namnet", summary, StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<ResourceRequest>(r => r.Grades == "Trefelsklassen"));
    }

    [Fact]
    public async Task Submit_FailingOnAnEditedDraft_ChangesNothing()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var id = IdFrom(await PostFormAsync(anna, "/Requests/New", submit: false, new Dictionary<string, string>
        {
            ["Input.ProposedName"] = "Orörda utkastet", ["Input.Need"] = "Läsning.",
        }));
        var response = await PostFormAsync(anna, $"/Requests/Edit/{id}", submit: true, new Dictionary<string, string>
        {
            ["Input.ProposedName"] = "", ["Input.Need"] = "",
        });
        var page = await EnsaClient.ParseAsync(response);
        Assert.Contains("Beskriv behov och syfte", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Välj en lärresurs ur listan", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        var saved = await RequestAsync(id);
        Assert.Equal((RequestStatus.Draft, "Orörda utkastet", "Läsning."), (saved.Status, saved.ProposedName, saved.Need));
    }

    [Fact]
    public async Task Form_BadWebAddressAndCost_SayHowToFixThem()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var response = await PostFormAsync(anna, "/Requests/New", submit: false, new Dictionary<string, string>
        {
            ["Input.ProposedName"] = "Felskrivna appen",
            ["Input.ProposedWebAddress"] = "felskrivna appen punkt se",
            ["Input.Paid"] = "true",
            ["Input.Cost"] = "gratis",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = EnsaClient.Text(await EnsaClient.ParseAsync(response), ".error");
        Assert.Contains("Skriv hela webbadressen", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv kostnaden i kronor", errors, StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<ResourceRequest>(r => r.ProposedName == "Felskrivna appen"));
    }

    [Fact]
    public async Task CheckTheListFirst_ShowsMatchesWithStatusHere_AndChoosingOneFillsTheResource()
    {
        // Mittköping has approved Sagoväven Läsresan before (a decided review).
        var resource = await app.ResourceIdAsync("Sagoväven Läsresan");
        var unit = await app.SchoolUnitIdAsync(Unit);
        await app.WithDbAsync(async db =>
        {
            var organizer = await db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.Id == unit).Select(u => u.OrganizerId).SingleAsync();
            var karin = await db.Users.Where(u => u.Email == "karin.holm@mittkoping.example").Select(u => u.Id).SingleAsync();
            var sara = await db.Users.Where(u => u.Email == "sara.nilsson@mittkoping.example").Select(u => u.Id).SingleAsync();
            var principal = new Actor(karin, "Karin Holm", new HashSet<Role> { Role.Principal }, new HashSet<Guid> { unit });
            var reviewer = new Actor(sara, "Sara Nilsson", new HashSet<Role> { Role.CentralReviewer }, new HashSet<Guid>());
            var now = DateTime.UtcNow.AddDays(-30);
            var earlier = ResourceRequest.CreateDraft(organizer, unit, principal, new RequestDetails { ResourceId = resource, Need = "Läsning" }, now);
            Assert.True(earlier.Submit(principal, now).Succeeded);
            var review = new ResourceReview(earlier, now);
            review.SignReview(reviewer, now);
            Assert.True(earlier.Decide(reviewer, review, Decision.Approved, null, null, now).Succeeded);
            db.ResourceRequests.Add(earlier);
            db.ResourceReviews.Add(review);
            return await db.SaveChangesAsync();
        });

        using var anna = await app.SignInAs(Roles.Requester);
        var search = await anna.GetPageAsync("/Requests/New?q=" + Uri.EscapeDataString("läs"));
        var rows = search.QuerySelectorAll("table.catalogue-matches tbody tr").ToList();
        var lasresan = rows.Single(r => r.QuerySelector("td")!.TextContent == "Sagoväven Läsresan");
        Assert.Contains("Godkänd", lasresan.TextContent, StringComparison.Ordinal);

        // By subject, and a resource never reviewed here.
        var bySubject = await anna.GetPageAsync("/Requests/New?q=matematik");
        var numerix = bySubject.QuerySelectorAll("table.catalogue-matches tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "Numerix Matteträning");
        Assert.Contains("Inte granskad hos oss", numerix.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ingen lärresurs matchar", (await anna.GetPageAsync("/Requests/New?q=xyzzy")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var choose = lasresan.QuerySelector<IHtmlAnchorElement>("a")!.GetAttribute("href")!;
        var chosen = await anna.GetPageAsync(choose);
        Assert.Contains("Sagoväven Läsresan", chosen.QuerySelector(".chosen-resource")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Godkänd", chosen.QuerySelector(".chosen-resource")!.TextContent, StringComparison.Ordinal);
        Assert.Null(chosen.QuerySelector("input[name='Input.ProposedName']"));

        var values = Filled("");
        values.Remove("Input.ProposedName");
        var id = IdFrom(await PostFormAsync(anna, choose, submit: true, values));
        var saved = await RequestAsync(id);
        Assert.Equal((resource, (string?)null, RequestStatus.AwaitingPrincipal), (saved.ResourceId, saved.ProposedName, saved.Status));
        var details = await anna.GetPageAsync($"/Requests/{id}");
        Assert.Equal($"/Resources/{resource}", details.QuerySelector($"a[href='/Resources/{resource}']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Submit_GoesToThePrincipal_WhoApproves_AndTheTimelineShowsBothSteps()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var response = await PostFormAsync(anna, "/Requests/New", submit: true, Filled("Godkännandeappen"));
        var id = IdFrom(response);
        var mine = await anna.FollowAsync(response);
        Assert.Contains("väntar nu på rektors godkännande", mine.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.AwaitingPrincipal, (await RequestAsync(id)).Status);
        // The requester cannot approve her own request.
        Assert.Null(mine.QuerySelector("form[action*=Approve]"));

        using var karin = await app.SignInAs(Roles.Principal);
        var list = await karin.GetPageAsync("/Requests");
        Assert.Contains("Godkännandeappen", list.QuerySelector("table.waiting")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Anna Lindberg", list.QuerySelector("table.waiting")!.TextContent, StringComparison.Ordinal);

        var details = await karin.GetPageAsync($"/Requests/{id}");
        var approved = await karin.FollowAsync(await karin.SubmitAsync($"/Requests/{id}", "form[action*=Approve]"));
        Assert.Contains("granskning", approved.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InReview, (await RequestAsync(id)).Status);
        Assert.Contains("Granskas av förvaltningen", approved.QuerySelector(".request-status")!.TextContent, StringComparison.Ordinal);

        var steps = approved.QuerySelectorAll(".timeline li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, steps.Count);
        Assert.Contains("Utkast skapat", steps[0], StringComparison.Ordinal);
        Assert.Contains("Inskickad", steps[1], StringComparison.Ordinal);
        Assert.Contains("Anna Lindberg", steps[1], StringComparison.Ordinal);
        Assert.Contains("Godkänd av rektor", steps[2], StringComparison.Ordinal);
        Assert.Contains("Karin Holm", steps[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Godkännandeappen", (await karin.GetPageAsync("/Requests")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendBack_NeedsAComment_ThenTheRequesterSeesItEditsAndResubmits()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var id = await SubmittedByAnnaAsync(anna, "Tillbakaappen");
        using var karin = await app.SignInAs(Roles.Principal);

        var refused = await karin.SubmitAsync($"/Requests/{id}", "form[action*=SendBack]", new Dictionary<string, string> { ["Comment"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await EnsaClient.ParseAsync(refused);
        Assert.Contains("Skriv en kommentar", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.AwaitingPrincipal, (await RequestAsync(id)).Status);

        await karin.FollowAsync(await karin.SubmitAsync($"/Requests/{id}", "form[action*=SendBack]",
            new Dictionary<string, string> { ["Comment"] = "Skriv vilka klasser som ska använda den." }));
        Assert.Equal(RequestStatus.SentBack, (await RequestAsync(id)).Status);
        var annaId = await app.UserIdAsync("anna.lindberg@mittkoping.example");
        Assert.True(await app.IsStoredAsync<Notification>(n => n.Link == $"/Requests/{id}" && n.MessageKey == "Notify.SentBack" && n.UserId == annaId));

        var details = await anna.GetPageAsync($"/Requests/{id}");
        Assert.Contains("Skriv vilka klasser som ska använda den.", details.QuerySelector(".sent-back blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Skickad tillbaka", details.QuerySelector(".request-status")!.TextContent, StringComparison.Ordinal);
        var edit = await anna.GetPageAsync($"/Requests/Edit/{id}");
        Assert.Contains("Skriv vilka klasser", edit.QuerySelector(".sent-back")!.TextContent, StringComparison.Ordinal);

        var resubmitted = await anna.FollowAsync(await PostFormAsync(anna, $"/Requests/Edit/{id}", submit: true,
            new Dictionary<string, string> { ["Input.Grades"] = "2A och 2B" }));
        var saved = await RequestAsync(id);
        Assert.Equal((RequestStatus.AwaitingPrincipal, "2A och 2B"), (saved.Status, saved.Grades));
        Assert.Equal(2, resubmitted.QuerySelectorAll(".timeline li").Count(li => li.TextContent.Contains("Inskickad", StringComparison.Ordinal)));

        // Once submitted, it cannot be edited: the page says why.
        var locked = await anna.GetPageAsync($"/Requests/Edit/{id}");
        Assert.Null(locked.QuerySelector("form.request-form"));
        Assert.Contains("kan inte ändras nu", locked.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        var token = await TokenAsync(anna);
        var post = await anna.Http.PostAsync($"/Requests/Edit/{id}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Need"] = "Ändrat i smyg",
        }));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.NotEqual("Ändrat i smyg", (await RequestAsync(id)).Need);
    }

    [Fact]
    public async Task PrincipalOfAnotherUnit_CannotSeeOrApprove()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var id = await SubmittedByAnnaAsync(anna, "Annan enhet-appen");
        using var other = await SignInWithPasswordAsync("rektor.kvarnby@mittkoping.example", Role.Requester, principalOf: "Kvarnbyskolan");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Requests/{id}")).StatusCode);
        Assert.DoesNotContain("Annan enhet-appen", (await other.GetPageAsync("/Requests")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var token = await TokenAsync(other);
        foreach (var handler in new[] { "Approve", "SendBack" })
        {
            var response = await other.Http.PostAsync($"/Requests/{id}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Comment"] = "Nej",
            }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(RequestStatus.AwaitingPrincipal, (await RequestAsync(id)).Status);
    }

    [Fact]
    public async Task PrincipalsOwnRequest_SkipsThePrincipalStep()
    {
        using var karin = await app.SignInAs(Roles.Principal);
        var form = await karin.GetPageAsync("/Requests/New");
        Assert.Equal(await app.SchoolUnitIdAsync(Unit), Guid.Parse(form.QuerySelector<IHtmlSelectElement>("select[name='Input.SchoolUnitId']")!.Value!));
        var response = await PostFormAsync(karin, "/Requests/New", submit: true, Filled("Rektorsappen"));
        var id = IdFrom(response);
        var details = await karin.FollowAsync(response);
        Assert.Contains("direkt till granskning", details.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.InReview, (await RequestAsync(id)).Status);
        Assert.DoesNotContain(details.QuerySelectorAll(".timeline li"), li => li.TextContent.Contains("Godkänd av rektor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OtherOrganizersAdmin_Gets404OnThePageAndItsHandlers()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var id = await SubmittedByAnnaAsync(anna, "Hemliga appen");
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");

        var page = await fredrik.Http.GetAsync($"/Requests/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Hemliga appen", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Requests/Edit/{id}")).StatusCode);
        var token = await TokenAsync(fredrik);
        foreach (var url in new[] { $"/Requests/{id}?handler=Approve", $"/Requests/{id}?handler=SendBack", $"/Requests/{id}?handler=Submit", $"/Requests/{id}?handler=Withdraw", $"/Requests/Edit/{id}?handler=Save" })
        {
            var response = await fredrik.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Comment"] = "Nej", ["Input.Need"] = "Annat", ["ConfirmWithdraw"] = "true",
            }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var saved = await RequestAsync(id);
        Assert.Equal((RequestStatus.AwaitingPrincipal, "Lästräning i åk 2 med ljudstöd."), (saved.Status, saved.Need));
    }

    [Fact]
    public async Task AnotherRequester_CannotSeeOrEditAnnasRequest()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var draft = IdFrom(await PostFormAsync(anna, "/Requests/New", submit: false, new Dictionary<string, string> { ["Input.ProposedName"] = "Annas utkast" }));
        var submitted = await SubmittedByAnnaAsync(anna, "Annas inskickade");
        using var other = await SignInWithPasswordAsync("larare.tva@mittkoping.example", Role.Requester);
        foreach (var id in new[] { draft, submitted })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Requests/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Requests/Edit/{id}")).StatusCode);
        }
        var list = (await other.GetPageAsync("/Requests")).QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Annas", list, StringComparison.Ordinal);
        Assert.Contains("Du har inga förfrågningar ännu", list, StringComparison.Ordinal);
        // A user without a school unit is told what to do.
        Assert.Contains("inte kopplad till någon skolenhet", (await other.GetPageAsync("/Requests/New")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachStep_NotifiesRequesterAndPrincipal_ButNotTheOneWhoActed()
    {
        var annaId = await app.UserIdAsync("anna.lindberg@mittkoping.example");
        var karinId = await app.UserIdAsync("karin.holm@mittkoping.example");
        using var anna = await app.SignInAs(Roles.Requester);
        var id = await SubmittedByAnnaAsync(anna, "Meddelandeappen");
        var link = $"/Requests/{id}";

        async Task<List<(Guid UserId, string Key)>> NotificationsAsync() =>
            (await app.AllStoredAsync<Notification>(n => n.Link == link)).Select(n => (n.UserId, n.MessageKey)).ToList();
        async Task<List<string>> MailToAsync() => (await app.MailAsync(m => m.TextBody.Contains(link))).Select(m => m.To)
            .Where(BothMailed.Contains).ToList();

        Assert.Equal(new[] { (karinId, "Notify.Submitted") }, await NotificationsAsync());
        Assert.Equal(KarinMailed, await MailToAsync());

        using var karin = await app.SignInAs(Roles.Principal);
        await karin.FollowAsync(await karin.SubmitAsync(link, "form[action*=Approve]"));
        // Besides them the central department is told it has a review to do (see NotificationTests).
        var notifications = (await NotificationsAsync()).Where(n => !n.Key.StartsWith("Notify.Task.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, notifications.Count);
        Assert.Contains((annaId, "Notify.PrincipalApproved"), notifications);
        Assert.DoesNotContain(notifications, n => n.UserId == karinId && n.Key == "Notify.PrincipalApproved");
        Assert.Equal(BothMailed, (await MailToAsync()).Order(StringComparer.Ordinal));
        var mail = await app.StoredAsync<OutboxMessage>(m => m.To == "anna.lindberg@mittkoping.example" && m.TextBody.Contains(link));
        Assert.Contains("Meddelandeappen", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_InReview_LeavesTheQueue_TellsPrincipalAndCentralDepartment()
    {
        var id = await app.InReviewAsync("Återtagna appen", linkResource: false);
        var link = $"/Requests/{id}";
        using var anna = await app.SignInAs(Roles.Requester);
        var response = await anna.SubmitAsync(link, "form[action*=Withdraw]", new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" });
        var details = await anna.FollowAsync(response);

        Assert.Contains("Förfrågan är tillbakadragen", details.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Withdrawn, await app.StatusAsync(id));
        Assert.Contains(details.QuerySelectorAll(".timeline li"), li => li.TextContent.Contains("Återtagen av beställaren", StringComparison.Ordinal));
        Assert.Null(details.QuerySelector("form[action*=Withdraw]"));
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityId == id.ToString() && a.Action == "Modified" && a.Changes.Contains("Withdrawn")));

        var told = (await app.AllStoredAsync<Notification>(n => n.Link == link && n.MessageKey == "Notify.Withdrawn")).Select(n => n.UserId).ToList();
        Assert.Equal(
            new[] { await app.UserIdAsync("karin.holm@mittkoping.example"), await app.UserIdAsync("sara.nilsson@mittkoping.example") }.Order(),
            told.Order());
        Assert.Contains(await app.MailAsync(m => m.TextBody.Contains(link)), m => m.To == "sara.nilsson@mittkoping.example");

        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.DoesNotContain("Återtagna appen", (await sara.GetPageAsync("/Review")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_AwaitingPrincipal_TellsOnlyThePrincipal()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var id = await SubmittedByAnnaAsync(anna, "Ångrade appen");
        var open = int.Parse((await anna.GetPageAsync("/")).Figure("Mina pågående förfrågningar"), System.Globalization.CultureInfo.InvariantCulture);
        await anna.FollowAsync(await anna.SubmitAsync($"/Requests/{id}", "form[action*=Withdraw]", new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" }));

        Assert.Equal(RequestStatus.Withdrawn, await app.StatusAsync(id));
        var told = await app.AllStoredAsync<Notification>(n => n.Link == $"/Requests/{id}" && n.MessageKey == "Notify.Withdrawn");
        Assert.Equal(await app.UserIdAsync("karin.holm@mittkoping.example"), Assert.Single(told).UserId);
        // No longer among the requester's open requests on the start page.
        Assert.Equal((open - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (await anna.GetPageAsync("/")).Figure("Mina pågående förfrågningar"));
    }

    [Fact]
    public async Task Withdraw_Refused_SaysWhyAndChangesNothing()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var submitted = await SubmittedByAnnaAsync(anna, "Kvarvarande appen");

        async Task RefusedAsync(EnsaClient client, Guid id, string why, RequestStatus status, bool confirm = true)
        {
            var response = await client.PostHandlerAsync($"/Requests/{id}", "Withdraw",
                confirm ? new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" } : null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(why, (await EnsaClient.ParseAsync(response)).QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(status, await app.StatusAsync(id));
        }

        await RefusedAsync(anna, submitted, "Kryssa i att du vill dra tillbaka", RequestStatus.AwaitingPrincipal, confirm: false);
        using (var karin = await app.SignInAs(Roles.Principal))
            await RefusedAsync(karin, submitted, "Bara den som gjorde förfrågan kan dra tillbaka den", RequestStatus.AwaitingPrincipal);

        var draft = IdFrom(await PostFormAsync(anna, "/Requests/New", submit: false, new Dictionary<string, string> { ["Input.ProposedName"] = "Utkast att ångra" }));
        await RefusedAsync(anna, draft, "Ett utkast är inte inskickat", RequestStatus.Draft);

        await anna.FollowAsync(await anna.PostHandlerAsync($"/Requests/{submitted}", "Withdraw", new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" }));
        await RefusedAsync(anna, submitted, "Förfrågan är redan tillbakadragen", RequestStatus.Withdrawn);

        var decided = await app.InUseAsync(Unit, "karin.holm@mittkoping.example", "Tonkraft Rytmlek"); // not Numerix: CheckTheListFirst needs it unreviewed
        using (var karin = await app.SignInAs(Roles.Principal))
            await RefusedAsync(karin, decided, "redan beslutad och kan inte längre dras tillbaka", RequestStatus.InUse);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var id = await SubmittedByAnnaAsync(anna, "Csrf-appen");
        var create = await anna.PostWithoutTokenAsync("/Requests/New?handler=Save", new Dictionary<string, string>
        {
            ["Input.SchoolUnitId"] = (await app.SchoolUnitIdAsync(Unit)).ToString(), ["Input.ProposedName"] = "Förfalskad",
        });
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.False(await app.IsStoredAsync<ResourceRequest>(r => r.ProposedName == "Förfalskad"));

        using var karin = await app.SignInAs(Roles.Principal);
        var approve = await karin.PostWithoutTokenAsync($"/Requests/{id}?handler=Approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, approve.StatusCode);
        Assert.Equal(RequestStatus.AwaitingPrincipal, (await RequestAsync(id)).Status);
    }

    [Fact]
    public async Task Details_InEnglish_ShowsTheStatusInEnglish()
    {
        using var anna = await app.SignInAs(Roles.Requester);
        var id = await SubmittedByAnnaAsync(anna, "Engelska appen");
        await anna.SubmitAsync("/", "form.language", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        Assert.Contains("Waiting for the principal", (await anna.GetPageAsync($"/Requests/{id}")).QuerySelector(".request-status")!.TextContent, StringComparison.Ordinal);
    }
}
