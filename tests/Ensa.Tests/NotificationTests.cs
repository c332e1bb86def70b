using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>Every step that gives someone a task tells them, in the app and by e-mail, once, in their language, never the
/// one who acted; decision mail says the decision; and each person may take step notices as a daily digest instead.
/// Anna Lindberg asks, Karin Holm (principal) approves, Sara Nilsson reviews, Ahmed Karimi is security coordinator,
/// Lisa Ekström is admin; Fredrik Ahlgren reviews at another organizer.</summary>
public abstract partial class NotificationTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Password = "ett långt lösenord om notiser";
    private const string Anna = "anna.lindberg@mittkoping.example";
    private const string Karin = "karin.holm@mittkoping.example";
    private const string Sara = "sara.nilsson@mittkoping.example";
    private const string Ahmed = "ahmed.karimi@mittkoping.example";
    private const string Lisa = "lisa.ekstrom@mittkoping.example";
    private const string Fredrik = "fredrik.ahlgren@larandenorr.example";

    /// <summary>Who was told in the app of <paramref name="link"/>, as (e-mail, key).</summary>
    private Task<List<(string Email, string Key)>> ToldAsync(string link) => app.WithDbAsync(async db =>
        (await db.Notifications.IgnoreQueryFilters().Where(n => n.Link == link)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.Email, n.MessageKey }).ToListAsync())
        .Select(n => (n.Email!, n.MessageKey)).ToList());

    private Task<List<OutboxMessage>> MailAboutAsync(string link) => app.MailAsync(m => m.TextBody.Contains(link));

    /// <summary>A request Anna submitted (through the domain), waiting for Karin.</summary>
    private Task<Guid> AwaitingPrincipalAsync(string name) => app.WithDbAsync(async db =>
    {
        var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == RequestScenarios.Unit);
        var anna = await RequestScenarios.ActorAsync(db, Anna, Role.Requester);
        var now = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
        var request = ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, anna,
            new RequestDetails { ProposedName = name, ProposedSupplier = "Okänd", Need = "Behövs.", Users = RequestUsers.Pupils }, now);
        Assert.True(request.Submit(anna, now).Succeeded);
        db.ResourceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    private async Task<EnsaUser> EnglishUserAsync(string email, Role role)
    {
        var user = await app.CreateUserWithPasswordAsync(email, Password, role);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, "en")));
        return user;
    }

    private static Dictionary<string, string> Review() => new()
    {
        ["Input.PedagogicalAssessment"] = "Bra.", ["Input.Accessibility"] = "Good", ["Input.PersonalDataCategories"] = "Namn",
        ["Input.SuitableForProtectedIdentity"] = "No", ["Input.ScreeningChildren"] = "true", ["Input.AgreementNeed"] = "NotNeeded",
        ["Input.Shared"] = "false",
    };

    /// <summary>Sara and Ahmed review the request over HTTP; Sara decides.</summary>
    private async Task ReviewAndDecideAsync(Guid id, Decision decision, string? conditions = null, string? reason = null)
    {
        var page = $"/Review/Request/{id}";
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        await sara.FollowAsync(await sara.SubmitAsync(page, "form[action*='handler=Save']", Review()));
        using (var ahmed = await app.SignInAs(Roles.SecurityCoordinator))
            await ahmed.FollowAsync(await ahmed.SubmitAsync(page, "form[action*='handler=Security']",
                new Dictionary<string, string> { ["SecurityAssessment"] = "Godtagbar." }));
        var decided = await sara.SubmitAsync(page, "form[action*='handler=Decide']", new Dictionary<string, string>
        {
            ["DecisionChoice"] = decision.ToString(), ["Conditions"] = conditions ?? "", ["Reason"] = reason ?? "",
        });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
    }

    [Fact]
    public async Task PrincipalApproves_ReviewersAndSecurityCoordinatorsAreToldOnceInTheirLanguage_NotTheActorNorOthers()
    {
        app.RequireDatabase();
        const string english = "iris.english@mittkoping.example";
        await EnglishUserAsync(english, Role.SecurityCoordinator);
        var id = await AwaitingPrincipalAsync("Kösignalen");
        var link = $"/Requests/{id}";
        using var karin = await app.SignInAs(Roles.Principal);

        await karin.FollowAsync(await karin.SubmitAsync(link, "form[action*=Approve]"));

        var told = await ToldAsync(link);
        Assert.Contains((Sara, "Notify.Task.Review"), told);
        Assert.Contains((Ahmed, "Notify.Task.SecurityPart"), told);
        Assert.Contains((english, "Notify.Task.SecurityPart"), told);
        Assert.Contains((Anna, "Notify.PrincipalApproved"), told);
        Assert.DoesNotContain(told, t => t.Email is Lisa or Fredrik || t.Email == Karin && t.Key != "Notify.Submitted");
        Assert.Equal(told.Count, told.Select(t => t.Email).Distinct().Count());
        var mail = await MailAboutAsync(link);
        var toSara = Assert.Single(mail, m => m.To == Sara);
        Assert.Equal("Ensa: Kösignalen väntar på central granskning.", toSara.Subject);
        var toIris = Assert.Single(mail, m => m.To == english);
        Assert.Contains("Kösignalen is waiting for the security coordinator's assessment", toIris.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("väntar", toIris.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(mail, m => m.To is Lisa or Fredrik);
        Assert.Single(mail, m => m.To == Karin); // of the submission only
    }

    [Fact]
    public async Task ApprovedWithConditions_RequesterMailSaysConditions_PrincipalIsAskedToNamePeople_InternalStepsMailNobodyOutside()
    {
        app.RequireDatabase();
        var id = await app.InReviewAsync();
        var link = $"/Requests/{id}";
        var before = (await MailAboutAsync(link)).Count(m => m.To is Anna or Karin);

        await ReviewAndDecideAsync(id, Decision.ApprovedWithConditions, "Bara för personal.");

        var told = await ToldAsync(link);
        Assert.DoesNotContain(told, t => t.Key is "Notify.ReviewRecorded" or "Notify.SecurityReviewRecorded" or "Notify.ResourceLinked");
        Assert.Contains((Anna, "Notify.Decided"), told);
        Assert.Contains((Karin, "Notify.Task.NameResponsibles"), told);
        Assert.DoesNotContain((Karin, "Notify.Decided"), told);
        var mail = (await MailAboutAsync(link)).Where(m => m.To is Anna or Karin).ToList();
        // Only the decision reached them: one mail each.
        Assert.Equal(before + 2, mail.Count);
        Assert.Contains("Beslut: godkänd med villkor: Bara för personal.", Assert.Single(mail, m => m.To == Anna && m.Subject.Contains("Beslut")).TextBody,
            StringComparison.Ordinal);
        Assert.Contains("Utse registeransvarig", mail.Last(m => m.To == Karin).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotApproved_RequesterMailSaysTheReason()
    {
        app.RequireDatabase();
        var id = await app.InReviewAsync();
        await ReviewAndDecideAsync(id, Decision.NotApproved, reason: "Lagrar data i USA utan skydd.");
        var mail = (await MailAboutAsync($"/Requests/{id}")).Last(m => m.To == Anna);
        Assert.Contains("Beslut: inte godkänd. Skäl: Lagrar data i USA utan skydd.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await ToldAsync($"/Requests/{id}"), t => t.Key == "Notify.Task.NameResponsibles");
    }

    [Fact]
    public async Task NameResponsibles_TheNamedAdministratorWithoutAnAccountIsMailedInBothLanguages()
    {
        app.RequireDatabase();
        var id = await app.InReviewAsync();
        await ReviewAndDecideAsync(id, Decision.Approved);
        using var karin = await app.SignInAs(Roles.Principal);
        await karin.FollowAsync(await karin.SubmitAsync($"/Requests/Use/{id}", "form[action*='handler=Name']", new Dictionary<string, string>
        {
            ["AdministratorName"] = "Ture Admin", ["AdministratorEmail"] = "ture.admin@mittkoping.example",
        }));

        var mail = Assert.Single(await app.MailToAsync("ture.admin@mittkoping.example"));
        Assert.Equal($"Ensa: Du har utsetts till lokal systemadministratör för Numerix Matteträning ({RequestScenarios.Unit}).", mail.Subject);
        Assert.Contains("You have been named local system administrator for Numerix Matteträning", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agreement_ReviewStartedAndReadyToSign_TellTheAgreementPeopleButNotTheActor()
    {
        app.RequireDatabase();
        var resource = await app.WithDbAsync(db => db.LearningResources.Where(r => r.Name == "Numerix Matteträning").Select(r => r.Id).SingleAsync());
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        var created = await sara.SubmitAsync("/Agreements/New", "main form", new Dictionary<string, string> { ["ResourceId"] = resource.ToString() });
        var url = created.Headers.Location!.OriginalString;

        await sara.FollowAsync(await sara.SubmitAsync(url, "form[action$='handler=StartReview']"));
        var told = await ToldAsync(url);
        Assert.Contains((Ahmed, "Notify.Agreement.ReviewStarted"), told);
        Assert.Contains((Lisa, "Notify.Agreement.ReviewStarted"), told);
        Assert.DoesNotContain(told, t => t.Email is Sara or Fredrik or Anna or Karin);
        Assert.DoesNotContain(await MailAboutAsync(url), m => m.To == Sara || m.To == Fredrik);

        await sara.FollowAsync(await sara.SubmitAsync(url, "form[action$='handler=Review']", new Dictionary<string, string> { ["Notes"] = "Rimlig." }));
        await ahmed.FollowAsync(await ahmed.SubmitAsync(url, "form[action$='handler=Security']", new Dictionary<string, string> { ["Notes"] = "Ok." }));
        await sara.FollowAsync(await sara.SubmitAsync(url, "form[action$='handler=Approve']"));
        told = await ToldAsync(url);
        Assert.Contains((Ahmed, "Notify.Agreement.ReadyToSign"), told);
        Assert.DoesNotContain((Sara, "Notify.Agreement.ReadyToSign"), told);
        Assert.Equal(told.Count, told.Distinct().Count());
        Assert.Single(await MailAboutAsync(url), m => m.To == Lisa && m.Subject.Contains("klart att skriva under"));
    }

    [Fact]
    public async Task DraftBeforeTheSupplierDescribed_SupplierToldOncePerOrganizer_ItsPublicationTellsTheDraftsPeople_OncePerPublication()
    {
        app.RequireDatabase();
        const string elin = "elin.svahn@sagovaven.example";
        const string sam = "sam.english@sagovaven.example";
        const string erik = "erik.english@mittkoping.example";
        var resource = await app.ResourceIdAsync("Sagoväven Bokstavslek");
        // A second supplier user who reads English, and a reviewer at Mittköping who does.
        var samUser = await EnglishUserAsync(sam, Role.Requester);
        await app.WithDbAsync(async db =>
        {
            var sagovaven = await db.Suppliers.Where(s => s.Name == "Sagoväven AB").Select(s => s.Id).SingleAsync();
            await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == samUser.Id).ExecuteDeleteAsync();
            return await db.Users.Where(u => u.Id == samUser.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SupplierId, sagovaven));
        });
        await EnglishUserAsync(erik, Role.CentralReviewer);
        // Mail to the supplier's people only (the demo data's own notices about the resource go to Mittköping's).
        Task<List<OutboxMessage>> AboutBokstavslek() => app.MailAsync(m => m.Subject.Contains("Sagoväven Bokstavslek") && m.To.EndsWith("@sagovaven.example"));

        // Lisa's draft waits for a description Sagoväven has not published: its people are asked, each once, in their language.
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var created = await lisa.SubmitAsync("/Agreements/New", "main form", new Dictionary<string, string> { ["ResourceId"] = resource.ToString() });
        var draft = created.Headers.Location!.OriginalString;
        var asked = await AboutBokstavslek();
        Assert.Equal([elin, sam], asked.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.Equal("Ensa: Mittköpings kommun ber er beskriva Sagoväven Bokstavslek", asked.Single(m => m.To == elin).Subject);
        Assert.DoesNotContain("Beskriv i leverantörsportalen", asked.Single(m => m.To == sam).TextBody, StringComparison.Ordinal);
        Assert.Contains("/Supplier", asked.Single(m => m.To == sam).TextBody, StringComparison.Ordinal);
        // In the app: the supplier's inbox and portal show the organizer waiting.
        using var elinClient = await app.SignInAs(Roles.SupplierUser);
        Assert.Contains($"/Supplier/Describe/{resource}",
            (await elinClient.GetPageAsync("/Inbox")).QuerySelectorAll("table.inbox a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Mittköpings kommun – Sagoväven Bokstavslek", EnsaClient.Text(await elinClient.GetPageAsync("/Supplier"), "ul.waiting"),
            StringComparison.Ordinal);

        // Saving the draft again, or a second draft of the same organizer, asks nobody again.
        await lisa.FollowAsync(await lisa.SubmitAsync(draft, "form[action$='handler=Parts']"));
        var second = (await lisa.SubmitAsync("/Agreements/New", "main form", new Dictionary<string, string> { ["ResourceId"] = resource.ToString() }))
            .Headers.Location!.OriginalString;
        Assert.Equal(2, (await AboutBokstavslek()).Count);

        // Sagoväven publishes: everyone of Mittköping's agreement people is told of each waiting draft, once, in their language;
        // nobody at Lärande Norr, which waits for nothing.
        await PublishBokstavslekAsync(elinClient, resource, "Läsinlärning i appen.");
        foreach (var link in new[] { draft, second })
        {
            var told = (await ToldAsync(link)).Where(t => t.Key == "Notify.Agreement.DescriptionPublished").Select(t => t.Email).ToList();
            // (Other tests here may add agreement people at Mittköping, such as an English security coordinator.)
            Assert.Superset(new HashSet<string> { Ahmed, erik, Lisa, Sara }, told.ToHashSet());
            Assert.Equal(told.Count, told.Distinct().Count());
            Assert.All(told, email => Assert.EndsWith("@mittkoping.example", email, StringComparison.Ordinal));
        }
        var toErik = Assert.Single(await MailAboutAsync(draft), m => m.To == erik);
        Assert.Equal("Ensa: The supplier has described Sagoväven Bokstavslek; use the description in the draft agreement.", toErik.Subject);
        Assert.Equal("Ensa: Leverantören har beskrivit Sagoväven Bokstavslek; använd beskrivningen i avtalsutkastet.",
            Assert.Single(await MailAboutAsync(draft), m => m.To == Sara).Subject);
        Assert.DoesNotContain(await app.MailAsync(m => m.TextBody.Contains("Bokstavslek")), m => m.To == Fredrik);
        Assert.Contains("Leverantören publicerade en beskrivning", EnsaClient.Text(await lisa.GetPageAsync(draft), "main"), StringComparison.Ordinal);
        // The supplier owes nothing more: the drafts now take the description (their organizer's step).
        Assert.Contains("Ingen huvudman väntar", EnsaClient.Text(await elinClient.GetPageAsync("/Supplier"), "main"), StringComparison.Ordinal);

        // A second publication tells them once more; the supplier is not asked again.
        await PublishBokstavslekAsync(elinClient, resource, "Läsinlärning och ljudlek i appen.");
        Assert.Equal(2, (await ToldAsync(draft)).Count(t => t.Email == Sara && t.Key == "Notify.Agreement.DescriptionPublished"));
        Assert.Equal(2, (await MailAboutAsync(draft)).Count(m => m.To == erik));
        Assert.Equal(2, (await AboutBokstavslek()).Count(m => m.To is elin or sam));
    }

    /// <summary>The supplier's user fills in and publishes a description of the resource over HTTP.</summary>
    private static async Task PublishBokstavslekAsync(EnsaClient supplier, Guid resource, string subjectMatter)
    {
        var describe = $"/Supplier/Describe/{resource}";
        var form = (await supplier.GetPageAsync(describe)).QuerySelector<IHtmlFormElement>("form[action$='handler=Save']")!;
        form.Action = describe + "?handler=Publish";
        var page = await supplier.FollowAsync(await supplier.SubmitAsync(describe, form, new Dictionary<string, string>
        {
            ["Input.SubjectMatter"] = subjectMatter, ["Input.Nature"] = "Lagring av elevens framsteg.", ["Input.Purposes"] = "Att eleven ska lära sig läsa.",
            ["Input.DataSubjects"] = "Pupils", ["Input.PersonalData[0].Name"] = "Elevens förnamn", ["Input.ProcessingOperations"] = "Lagring",
            ["Input.Retention"] = "Så länge skolan använder appen.", ["Input.Deletion"] = "Raderas inom 30 dagar efter avslut.",
            ["Input.Locations[0].Description"] = "Datacenter i Stockholm", ["Input.Locations[0].CountryCode"] = "SE", ["Input.Locations[0].Storage"] = "true",
            ["Input.SecurityMeasures"] = "Kryptering", ["Input.Logging"] = "Inloggningar loggas.", ["Input.LogAccess"] = "Huvudmannen på begäran.",
            ["Input.AgreementContactName"] = "Elin Svahn", ["Input.AgreementContactEmail"] = "elin.svahn@sagovaven.example",
            ["Input.DataProtectionContactName"] = "Dana Skydd", ["Input.DataProtectionContactEmail"] = "dpo@sagovaven.example",
        }));
        Assert.Contains("är publicerad", EnsaClient.Text(page, ".notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RightsCase_LastTaskAnsweredByLink_OwnerIsTold()
    {
        app.RequireDatabase();
        await app.InUseAsync("Ekbackeskolan 4–9", "johan.lind@mittkoping.example", "Quizzly", administrator: "Vera Ratt");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var form = await sara.GetPageAsync("/Privacy/New");
        var token = form.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        var opened = await sara.Http.PostAsync("/Privacy/New", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Kind"] = "Removal", ["Input.Reference"] = "BUN 2026/901",
            ["Input.ReceivedOn"] = SwedishCalendar.Today(app.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Units"] = (await app.SchoolUnitIdAsync("Ekbackeskolan 4–9")).ToString(),
        }));
        var id = Guid.Parse(opened.Headers.Location!.OriginalString["/Privacy/".Length..]);
        var link = $"/Privacy/{id}";
        var tasks = (await app.WithDbAsync(db => db.RightsRequests.IgnoreQueryFilters().Include(r => r.Tasks).SingleAsync(r => r.Id == id))).Tasks;
        Assert.Empty(await ToldAsync(link));

        foreach (var task in tasks)
        {
            var body = (await app.MailAsync(m => m.To == task.AdministratorEmail && m.Subject.Contains("BUN 2026/901"))).Last().TextBody;
            using var holder = app.NewClient();
            Assert.Equal(HttpStatusCode.Redirect, (await holder.SubmitAsync(TaskLink().Match(body).Value, "main form",
                new Dictionary<string, string> { ["Answer"] = "Done", ["AnswerText"] = "Borttaget." })).StatusCode);
        }

        Assert.Equal([(Sara, "Notify.Rights.Closed")], await ToldAsync(link));
        Assert.Single(await app.MailAsync(m => m.To == Sara && m.Subject == "Ensa: Ärendet BUN 2026/901 är avslutat: alla uppgifter är besvarade."));
    }

    [GeneratedRegex("/Tasks/[0-9a-f]{64}")]
    private static partial Regex TaskLink();

    [Fact]
    public async Task Digest_ChosenOnNotifications_StepMailHeldBack_OneDigestPerDayEvenWithTwoNodes_Audited()
    {
        app.RequireDatabase();
        const string email = "dora.digest@mittkoping.example";
        var dora = await app.CreateUserWithPasswordAsync(email, Password, Role.CentralReviewer);
        using var client = app.NewClient();
        await client.FollowAsync(await client.SignInWithPasswordAsync(email, Password));
        var refused = await client.SubmitAsync("/Notifications", "form.delivery", new Dictionary<string, string> { ["Mail"] = "Weekly" });
        Assert.Contains("Välj hur du vill få e-post.", EnsaClient.Text(await EnsaClient.ParseAsync(refused), ".errors"), StringComparison.Ordinal);
        Assert.False((await app.StoredAsync<EnsaUser>(u => u.Id == dora.Id)).DailyDigest);

        await client.FollowAsync(await client.SubmitAsync("/Notifications", "form.delivery", new Dictionary<string, string> { ["Mail"] = "Digest" }));
        Assert.True((await app.StoredAsync<EnsaUser>(u => u.Id == dora.Id)).DailyDigest);
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityId == dora.Id.ToString() && a.Changes.Contains("DailyDigest")));
        Assert.NotNull((await client.GetPageAsync("/Notifications")).QuerySelector("#mail-Digest[checked]"));

        var first = await AwaitingPrincipalAsync("Sammanfattningsappen");
        using var karin = await app.SignInAs(Roles.Principal);
        await karin.FollowAsync(await karin.SubmitAsync($"/Requests/{first}", "form[action*=Approve]"));
        Assert.Contains((email, "Notify.Task.Review"), await ToldAsync($"/Requests/{first}"));
        Assert.Empty(await app.MailToAsync(email));
        Assert.Single(await app.MailAsync(m => m.To == Sara && m.TextBody.Contains($"/Requests/{first}")));

        // The digest goes once a day, the first the day after the choice; two nodes send it once.
        var job = app.Services.GetRequiredService<NotificationDigestJob>();
        await job.RunOnceAsync(CancellationToken.None, holder: "node-a");
        Assert.Empty(await app.MailToAsync(email));
        var offset = app.Clock.Offset;
        try
        {
            app.Clock.Offset += TimeSpan.FromDays(1);
            await job.RunOnceAsync(CancellationToken.None, holder: "node-a");
            await job.RunOnceAsync(CancellationToken.None, holder: "node-b");
            var digest = Assert.Single(await app.MailToAsync(email));
            Assert.Equal("Ensa: 1 nytt meddelande sedan förra sammanfattningen", digest.Subject);
            Assert.Contains("Sammanfattningsappen väntar på central granskning.", digest.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/Requests/{first}", digest.TextBody, StringComparison.Ordinal);

            var second = await AwaitingPrincipalAsync("Nästa dags app");
            using (var later = await app.SignInAs(Roles.Principal))
                await later.FollowAsync(await later.SubmitAsync($"/Requests/{second}", "form[action*=Approve]"));
            await job.RunOnceAsync(CancellationToken.None, holder: "node-b");
            Assert.Single(await app.MailToAsync(email));

            app.Clock.Offset += TimeSpan.FromDays(1);
            await job.RunOnceAsync(CancellationToken.None, holder: "node-b");
            await job.RunOnceAsync(CancellationToken.None, holder: "node-a");
            var digests = await app.MailToAsync(email);
            Assert.Equal(2, digests.Count);
            Assert.Contains("Nästa dags app", digests[1].TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Sammanfattningsappen", digests[1].TextBody, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Offset = offset;
        }
    }

    [Fact]
    public async Task Digest_NotStepMail_PasswordResetStillGoesAtOnce()
    {
        app.RequireDatabase();
        const string email = "dag.digest@mittkoping.example";
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DailyDigest, true)));
        using var anonymous = app.NewClient();
        await anonymous.SubmitAsync("/Account/ForgotPassword", "main form", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("/Account/ResetPassword", Assert.Single(await app.MailToAsync(email)).TextBody, StringComparison.Ordinal);
    }
}

public sealed class NotificationSqliteTests(EnsaAppFactory app) : NotificationTests<EnsaAppFactory>(app);

public sealed class NotificationPostgresTests(PostgresAppFactory app) : NotificationTests<PostgresAppFactory>(app);
