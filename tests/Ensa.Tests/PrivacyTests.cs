using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ensa.Common;
using Ensa.Mail;
using Ensa.Privacy;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>Removal and access requests (GDPR Art. 15, 17) over HTTP. On the demo data "Nordlär Samhälle 7–9" is in use at
/// Ekbackeskolan 4–9 (administrator Petra Sjöberg); "Sagoväven Bokstavslek" is approved for Solängsskolan but not in use.</summary>
public sealed partial class PrivacyTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Ekbacke = "Ekbackeskolan 4–9";
    private static readonly string[] Administrators = ["Olle Quiz", "Petra Sjöberg"];
    private static readonly string[] AdministratorsMailed = ["olle.quiz@mittkoping.example", "petra.sjoberg@mittkoping.example"];

    /// <summary>Sara records a request for the units; returns the case id from the redirect.</summary>
    private async Task<Guid> OpenAsync(EnsaClient sara, RightsKind kind, string reference, string? receivedOn, params string[] units)
    {
        var values = new List<KeyValuePair<string, string>>();
        var form = await sara.GetPageAsync("/Privacy/New");
        var token = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        values.Add(new("__RequestVerificationToken", token));
        values.Add(new("Input.Kind", kind.ToString()));
        values.Add(new("Input.Reference", reference));
        values.Add(new("Input.ReceivedOn", receivedOn ?? SwedishCalendar.Today(app.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var unit in units) values.Add(new("Input.Units", (await app.SchoolUnitIdAsync(unit)).ToString()));
        var response = await sara.Http.PostAsync("/Privacy/New", new FormUrlEncodedContent(values));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors, .error"));
        return Guid.Parse(response.Headers.Location!.OriginalString["/Privacy/".Length..]);
    }

    private Task<RightsRequest> CaseAsync(Guid id) => app.WithDbAsync(db =>
        db.RightsRequests.IgnoreQueryFilters().Include(r => r.Tasks).AsNoTracking().SingleAsync(r => r.Id == id));

    /// <summary>The one-time link e-mailed to <paramref name="email"/> for the case <paramref name="reference"/>.</summary>
    private async Task<string> LinkAsync(string email, string reference)
    {
        var body = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email && m.Subject.Contains(reference)).Select(m => m.TextBody).FirstAsync());
        return TaskLink().Match(body).Value;
    }

    [GeneratedRegex("/Tasks/[0-9a-f]{64}")]
    private static partial Regex TaskLink();

    [Fact]
    public async Task Removal_CreatesOneTaskPerResourceInUseAtTheUnitsNamed_AndMailsEachAdministrator()
    {
        await app.InUseAsync(Ekbacke, "johan.lind@mittkoping.example", "Quizzly", administrator: "Olle Quiz");
        await app.InUseAsync("Hagaskolan", "oskar.wikstrom@mittkoping.example", "Quizzly", administrator: "Hanna Haga"); // not named
        var ended = await app.InUseAsync("Solängsskolan", "erik.sandberg@mittkoping.example", "Kodkraft Blocklabb", administrator: "Sune Slut");
        await app.WithDbAsync(async db =>
        {
            var request = await db.ResourceRequests.IgnoreQueryFilters().Include(r => r.Use).Include(r => r.Events).SingleAsync(r => r.Id == ended);
            var erik = await RequestScenarios.ActorAsync(db, "erik.sandberg@mittkoping.example", Ensa.Identity.Role.Principal);
            Assert.True(request.EndUse(erik, SwedishCalendar.Today(app.Clock), true, null, app.Clock.GetUtcNow().UtcDateTime).Succeeded);
            return await db.SaveChangesAsync();
        });

        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        var id = await OpenAsync(sara, RightsKind.Removal, "BUN 2026/311", null, Ekbacke, "Solängsskolan");
        var rightsCase = await CaseAsync(id);
        Assert.Equal(2, rightsCase.Tasks.Count);
        Assert.Equal(Administrators, rightsCase.Tasks.Select(t => t.AdministratorName).Order(StringComparer.Ordinal));
        Assert.Equal(rightsCase.ReceivedOn.AddMonths(1), rightsCase.Deadline);
        Assert.Null(rightsCase.ClosedAt);

        var mail = await app.MailAsync(m => m.Subject.Contains("BUN 2026/311"));
        Assert.Equal(AdministratorsMailed, mail.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mail, m => Assert.Matches(TaskLink(), m.TextBody));

        var page = await sara.GetPageAsync($"/Privacy/{id}");
        Assert.Equal("0 av 2", page.QuerySelector(".progress")!.TextContent.Trim());
        Assert.Contains("BUN 2026/311", EnsaClient.Text(await sara.GetPageAsync("/Privacy"), "table.cases"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20100101-1234")]
    [InlineData("100101-1234")]
    [InlineData("Elev 201001011234")]
    public async Task Reference_LikeAPersonalIdentityNumber_IsRefused(string reference)
    {
        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        var page = await sara.GetPageAsync("/Privacy/New");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[value='{await app.SchoolUnitIdAsync(Ekbacke)}']")!.IsChecked = true;
        var refused = await EnsaClient.ParseAsync(await sara.SubmitAsync("/Privacy/New", form, new Dictionary<string, string> { ["Input.Reference"] = reference }));
        Assert.Contains("personnummer", EnsaClient.Text(refused, ".error"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<RightsRequest>(r => r.CaseReference == reference));
    }

    [Fact]
    public async Task Administrators_AnswerByTheLink_TheCaseClosesWhenAllAreAnswered_WithAReport()
    {
        // (At another unit than Ekbackeskolan 4–9, whose tasks the first test counts.)
        await app.InUseAsync("Tallbackaskolan", "mikael.astrom@mittkoping.example", "Lingua Bridge Vokabel", administrator: "Vera Vokabel");
        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        var id = await OpenAsync(sara, RightsKind.Removal, "BUN 2026/400", null, Ekbacke, "Tallbackaskolan");
        var tasks = (await CaseAsync(id)).Tasks.Count;

        using var petra = app.NewClient(); // no Ensa account: the link is the key
        var link = await LinkAsync("petra.sjoberg@mittkoping.example", "BUN 2026/400");
        var page = await petra.GetPageAsync(link);
        Assert.Contains("BUN 2026/400", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        await petra.FollowAsync(await petra.SubmitAsync(link, "main form", new Dictionary<string, string> { ["Answer"] = "Done", ["AnswerText"] = "Kontot raderat." }));
        Assert.NotNull((await petra.GetPageAsync(link)).QuerySelector(".task-done"));
        var again = await petra.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // no token: refused; the answer stands
        Assert.Equal(HttpStatusCode.NotFound, (await petra.Http.GetAsync("/Tasks/" + new string('a', 64))).StatusCode);

        // The others answer "no data held"; the last answer closes the case.
        foreach (var task in (await CaseAsync(id)).Tasks.Where(t => t.Status == RightsTaskStatus.Open))
        {
            using var admin = app.NewClient();
            var theirs = await LinkAsync(task.AdministratorEmail, "BUN 2026/400");
            await admin.FollowAsync(await admin.SubmitAsync(theirs, "main form", new Dictionary<string, string> { ["Answer"] = "NoDataHeld" }));
        }
        var closed = await CaseAsync(id);
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(tasks, closed.Tasks.Count(t => t.Status != RightsTaskStatus.Open));

        var report = await sara.GetPageAsync($"/Privacy/Report/{id}");
        Assert.Contains("Avslutat", report.QuerySelector(".case-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kontot raderat.", EnsaClient.Text(report, "table.report"), StringComparison.Ordinal);
        Assert.Contains("Inga uppgifter fanns", EnsaClient.Text(report, "table.report"), StringComparison.Ordinal);
        Assert.Empty((await sara.GetPageAsync($"/Privacy/{id}")).QuerySelectorAll("form[action*='handler=Answer']"));
    }

    [Fact]
    public async Task Access_EachAnswerSaysWhatIsHeld_TheReportListsTheSuppliersHoldingData()
    {
        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        var id = await OpenAsync(sara, RightsKind.Access, "BUN 2026/500", null, Ekbacke);
        var samhalle = (await CaseAsync(id)).Tasks.Single(t => t.AdministratorName == "Petra Sjöberg");

        using var petra = app.NewClient();
        var link = await LinkAsync("petra.sjoberg@mittkoping.example", "BUN 2026/500");
        var refused = await EnsaClient.ParseAsync(await petra.SubmitAsync(link, "main form", new Dictionary<string, string> { ["Answer"] = "Done", ["AnswerText"] = "" }));
        Assert.Contains("Skriv vilka uppgifter", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        await petra.FollowAsync(await petra.SubmitAsync(link, "main form", new Dictionary<string, string> { ["Answer"] = "Done", ["AnswerText"] = "Konto, klass och inlämnade övningar." }));

        // The rest answered by the central department on the administrators' behalf.
        foreach (var task in (await CaseAsync(id)).Tasks.Where(t => t.Status == RightsTaskStatus.Open))
            await sara.FollowAsync(await sara.SubmitAsync($"/Privacy/{id}", $"form[action*='task={task.Id}']", new Dictionary<string, string> { ["Answer"] = "NoDataHeld" }));

        var report = await sara.GetPageAsync($"/Privacy/Report/{id}");
        var holders = EnsaClient.Text(report, ".holders li");
        Assert.Contains("Nordlär Förlag AB", holders, StringComparison.Ordinal);
        Assert.Contains("Konto, klass och inlämnade övningar.", holders, StringComparison.Ordinal);
        Assert.NotNull((await CaseAsync(id)).ClosedAt);
        Assert.Equal(samhalle.Id, (await CaseAsync(id)).Tasks.Single(t => t.Status == RightsTaskStatus.Done).Id);
    }

    [Fact]
    public async Task Removal_NoOutcomePreselected_SupplierMustActAndNotUsed_AreShownOnTheCaseAndItsReport()
    {
        await app.InUseAsync("Tallbackaskolan", "mikael.astrom@mittkoping.example", "Quizzly", administrator: "Tove Talla");
        await app.InUseAsync("Tallbackaskolan", "mikael.astrom@mittkoping.example", "Kodkraft Blocklabb", administrator: "Tor Tallkod");
        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        var id = await OpenAsync(sara, RightsKind.Removal, "BUN 2026/450", null, "Tallbackaskolan");
        var tove = (await CaseAsync(id)).Tasks.Single(t => t.AdministratorName == "Tove Talla");

        // The administrator's form: every outcome offered, none chosen; sending it as shown is refused and changes nothing.
        using var admin = app.NewClient();
        var link = await LinkAsync("tove.talla@mittkoping.example", "BUN 2026/450");
        var form = await admin.GetPageAsync(link);
        Assert.Equal(["Done", "SupplierMustAct", "NotUsed", "NoDataHeld"], form.QuerySelectorAll("input[name=Answer]").Select(i => i.GetAttribute("value")));
        Assert.Empty(form.QuerySelectorAll("input[name=Answer][checked]"));
        var none = await EnsaClient.ParseAsync(await admin.SubmitAsync(link, "main form"));
        Assert.Contains("Välj ett svar", EnsaClient.Text(none, ".errors"), StringComparison.Ordinal);
        var unsaid = await EnsaClient.ParseAsync(await admin.SubmitAsync(link, "main form", new Dictionary<string, string> { ["Answer"] = "SupplierMustAct" }));
        Assert.Contains("Beskriv vad leverantören", EnsaClient.Text(unsaid, ".errors"), StringComparison.Ordinal);
        Assert.Equal(RightsTaskStatus.Open, (await app.StoredAsync<RightsTask>(t => t.Id == tove.Id)).Status);
        await admin.FollowAsync(await admin.SubmitAsync(link, "main form", new Dictionary<string, string>
        {
            ["Answer"] = "SupplierMustAct", ["AnswerText"] = "Tjänsten saknar radering; leverantören måste ta bort kontot.",
        }));

        // On the administrators' behalf: the choice starts empty and is required too.
        var open = (await CaseAsync(id)).Tasks.Where(t => t.Status == RightsTaskStatus.Open).ToList();
        var page = await sara.GetPageAsync($"/Privacy/{id}");
        Assert.Equal("", page.QuerySelector($"#answer-{open[0].Id} option")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector($"#answer-{open[0].Id} option[selected]"));
        var refused = await EnsaClient.ParseAsync(await sara.SubmitAsync($"/Privacy/{id}", $"form[action*='task={open[0].Id}']"));
        Assert.Contains("Välj vad som har gjorts", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Equal(RightsTaskStatus.Open, (await app.StoredAsync<RightsTask>(t => t.Id == open[0].Id)).Status);
        foreach (var task in open)
            await sara.FollowAsync(await sara.SubmitAsync($"/Privacy/{id}", $"form[action*='task={task.Id}']", new Dictionary<string, string> { ["Answer"] = "NotUsed" }));

        var closed = await CaseAsync(id);
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(RightsTaskStatus.SupplierMustAct, closed.Tasks.Single(t => t.Id == tove.Id).Status);
        Assert.All(closed.Tasks.Where(t => t.Id != tove.Id), t => Assert.Equal(RightsTaskStatus.NotUsed, t.Status));
        // Closed, yet the case and its report say where the supplier must still remove the data.
        Assert.Contains("Quizzly (Tallbackaskolan)", EnsaClient.Text(await sara.GetPageAsync($"/Privacy/{id}"), ".supplier-must-act"), StringComparison.Ordinal);
        var report = await sara.GetPageAsync($"/Privacy/Report/{id}");
        Assert.Contains("Quizzly (Tallbackaskolan)", EnsaClient.Text(report, ".supplier-must-act"), StringComparison.Ordinal);
        Assert.Contains("Kunde inte raderas – leverantören måste åtgärda", EnsaClient.Text(report, "table.report"), StringComparison.Ordinal);
        Assert.Contains("Används inte av personen", EnsaClient.Text(report, "table.report"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_SupplierMustAct_IsNotOfferedAndAForgedOneIsRefused()
    {
        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        var id = await OpenAsync(sara, RightsKind.Access, "BUN 2026/550", null, Ekbacke);
        var task = (await CaseAsync(id)).Tasks.Single(t => t.AdministratorName == "Petra Sjöberg");
        var options = (await sara.GetPageAsync($"/Privacy/{id}")).QuerySelectorAll($"#answer-{task.Id} option").Select(o => o.GetAttribute("value"));
        Assert.Equal(["", "Done", "NotUsed", "NoDataHeld"], options);
        var forged = await EnsaClient.ParseAsync(await sara.SubmitAsync($"/Privacy/{id}", $"form[action*='task={task.Id}']",
            new Dictionary<string, string> { ["Answer"] = "SupplierMustAct", ["AnswerText"] = "Leverantören." }));
        Assert.Contains("passar inte", EnsaClient.Text(forged, ".errors"), StringComparison.Ordinal);
        Assert.Equal(RightsTaskStatus.Open, (await app.StoredAsync<RightsTask>(t => t.Id == task.Id)).Status);
    }

    [Fact]
    public async Task Overdue_TasksRemindTheirAdministrators_AtMostWeekly()
    {
        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        var received = SwedishCalendar.Today(app.Clock).AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = await OpenAsync(sara, RightsKind.Removal, "BUN 2026/600", received, Ekbacke);
        Assert.Contains("Försenad", EnsaClient.Text(await sara.GetPageAsync("/Privacy"), "table.cases tr.overdue"), StringComparison.Ordinal);

        var job = app.Services.GetRequiredService<RightsReminderJob>();
        Task<int> RemindersAsync() => app.CountStoredAsync<OutboxMessage>(m => m.Subject.StartsWith("Ensa: Påminnelse") && m.Subject.Contains("BUN 2026/600"));
        var open = (await CaseAsync(id)).Tasks.Count;
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(open, await RemindersAsync());
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(open, await RemindersAsync());
        app.Clock.Offset += TimeSpan.FromDays(8);
        try
        {
            await job.RunOnceAsync(CancellationToken.None);
            Assert.Equal(2 * open, await RemindersAsync());
        }
        finally
        {
            app.Clock.Offset -= TimeSpan.FromDays(8);
        }
    }

    [Fact]
    public async Task Refusals_WrongRole_OtherOrganizer_NoAntiforgeryToken()
    {
        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        var id = await OpenAsync(sara, RightsKind.Removal, "BUN 2026/700", null, Ekbacke);

        foreach (var role in new[] { Ensa.Identity.Roles.Requester, Ensa.Identity.Roles.Principal, Ensa.Identity.Roles.OrganizerAdmin })
        {
            using var client = await app.SignInAs(role);
            foreach (var url in new[] { "/Privacy", "/Privacy/New", $"/Privacy/{id}" })
                Assert.StartsWith("/Account/AccessDenied", (await client.Http.GetAsync(url)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var fredrik = await app.SignInAs(Ensa.Identity.Roles.OrganizerAdmin, "Lärande Norr AB"); // also a reviewer there
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Privacy/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync($"/Privacy/Report/{id}")).StatusCode);
        Assert.DoesNotContain("BUN 2026/700", (await fredrik.GetPageAsync("/Privacy")).Body!.TextContent, StringComparison.Ordinal);

        var forged = await sara.PostWithoutTokenAsync("/Privacy/New", new Dictionary<string, string> { ["Input.Reference"] = "Förfalskad", ["Input.Units"] = (await app.SchoolUnitIdAsync(Ekbacke)).ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await app.IsStoredAsync<RightsRequest>(r => r.CaseReference == "Förfalskad"));
    }

    [Fact]
    public async Task Task_InEnglish_IsHeadedInEnglish()
    {
        using var sara = await app.SignInAs(Ensa.Identity.Roles.CentralReviewer);
        await OpenAsync(sara, RightsKind.Access, "BUN 2026/800", null, Ekbacke);
        using var petra = app.NewClient();
        await petra.SubmitAsync("/Account/Login", "form.language", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        var task = await petra.GetPageAsync(await LinkAsync("petra.sjoberg@mittkoping.example", "BUN 2026/800"));
        Assert.StartsWith("Access request for", task.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
