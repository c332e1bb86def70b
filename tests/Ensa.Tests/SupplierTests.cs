using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ensa.Agreements;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Suppliers;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>Suppliers shared by all organizers: a central reviewer adds one while describing a resource (an existing one
/// with the same organisation number is used, a similar name is offered first), the platform admin corrects and merges
/// them, and a resource from a supplier new to Ensa goes all the way to an agreement in force.</summary>
public sealed partial class SupplierTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "leverantörens egen långa fras";

    private static string Review(Guid id) => $"/Review/Request/{id}";

    private static Dictionary<string, string> NewResource(string name, string supplier, string? orgNumber = null, string? choice = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Description"] = "Läsövningar för lågstadiet.", ["Input.ProcessesPersonalData"] = "true",
            ["Input.SupplierId"] = "", ["Input.NewSupplier.Name"] = supplier, ["Input.NewSupplier.OrganisationNumber"] = orgNumber ?? "",
            ["Input.NewSupplier.ContactName"] = "Lina Lär", ["Input.NewSupplier.ContactEmail"] = "lina@larfabriken.example",
        };
        if (choice is not null) values["Input.NewSupplier.Choice"] = choice;
        return values;
    }

    [Fact]
    public async Task NewSupplier_AddedDuringReview_RequestReachesAgreementInForce()
    {
        var id = await app.InReviewAsync("Läsloppet", linkResource: false);
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.FollowAsync(await sara.SubmitAsync($"/Resources/Edit?request={id}", "main form",
            NewResource("Läsloppet", "Läsloppet Förlag AB", "559900123-6")));
        Assert.Contains("Leverantören Läsloppet Förlag AB är tillagd.", EnsaClient.Text(page, "[role=status], .notice, .message"), StringComparison.Ordinal);
        var supplier = await app.StoredAsync<Supplier>(s => s.Name == "Läsloppet Förlag AB");
        Assert.Equal(("5599001236", "SE"), (supplier.OrganisationNumber!.Replace("-", "", StringComparison.Ordinal), supplier.CountryCode));
        Assert.Equal(supplier.Id, (await app.StoredAsync<LearningResource>(r => r.Name == "Läsloppet")).SupplierId);

        await sara.FollowAsync(await sara.SubmitAsync(Review(id), "form[action*='handler=Save']", new Dictionary<string, string>
        {
            ["Input.PedagogicalAssessment"] = "Bra.", ["Input.Accessibility"] = "Good", ["Input.SuitableForProtectedIdentity"] = "No",
            ["Input.AgreementNeed"] = nameof(AgreementNeed.Needed),
        }));
        page = await sara.FollowAsync(await DecideAsync(sara, id));
        Assert.Equal(RequestStatus.AwaitingAgreement, await app.StatusAsync(id));
        var created = await sara.SubmitAsync(page.QuerySelector("section.request-agreement a")!.GetAttribute("href")!, "main form");
        var agreementUrl = created.Headers.Location!.OriginalString;
        await sara.FollowAsync(await sara.SubmitAsync(agreementUrl, "form[action$='handler=Send']"));

        // Nobody represents the new supplier yet: the platform admin invites its contact, who accepts and describes.
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        await nora.FollowAsync(await nora.SubmitAsync($"/Platform/Suppliers/Details/{supplier.Id}", "main form", new Dictionary<string, string>
        {
            ["Invite.Email"] = "lina@larfabriken.example", ["Invite.DisplayName"] = "Lina Lär", ["Invite.IsAdmin"] = "true",
        }));
        using var lina = app.NewClient();
        var link = new Uri(InvitationLink().Match(await app.LatestMailBodyToAsync("lina@larfabriken.example")).Value).PathAndQuery;
        await lina.AcceptSupplierInvitationAsync(link, Password);
        Assert.Contains("Mittköpings kommun – Läsloppet", EnsaClient.Text(await lina.GetPageAsync("/Supplier"), "ul.waiting"), StringComparison.Ordinal);
        var describe = $"/Supplier/Describe/{await app.ResourceIdAsync("Läsloppet")}";
        var form = (await lina.GetPageAsync(describe)).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action$='handler=Save']")!;
        form.Action = describe + "?handler=Publish";
        page = await lina.FollowAsync(await lina.SubmitAsync(describe, form, Description));
        Assert.Contains("Version 1 är publicerad", EnsaClient.Text(page, ".notice"), StringComparison.Ordinal);

        // The organizer reviews and signs (those steps are tested on the agreement pages); in force, the request is approved.
        await sara.FollowAsync(await sara.SubmitAsync(agreementUrl, "form[action$='handler=StartReview']"));
        var staff = Actor.OrganizerStaff(Guid.NewGuid(), "Test", new HashSet<Role> { Role.CentralReviewer, Role.SecurityCoordinator });
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await app.ChangeAgreementAsync(Guid.Parse(agreementUrl.Split('/').Last()),
            a => a.RecordReview(staff, "ok", now),
            a => a.RecordSecurityReview(staff, "ok", now),
            a => a.ApproveForSigning(staff, now),
            a => a.RecordSigning(staff, [new(AgreementParty.Organizer, "A", "B", today), new(AgreementParty.Supplier, "Lina Lär", "VD", today)],
                "a.pdf", Ensa.Demo.DemoData.DemoPdf("Signerat"), now),
            a => a.PutInForce(staff, today, null, today.AddYears(1), now));
        Assert.Contains("Avtalet gäller", EnsaClient.Text(await sara.GetPageAsync(Review(id)), "section.request-agreement"), StringComparison.Ordinal);
        await sara.FollowAsync(await DecideAsync(sara, id));
        Assert.Equal(RequestStatus.Approved, await app.StatusAsync(id));
    }

    [Fact]
    public async Task NewSupplier_FromARequestNamingAnUnknownSupplier_ItsNameIsPrefilled()
    {
        var id = await app.InReviewAsync("Läsfyren", linkResource: false);
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.GetPageAsync($"/Resources/Edit?request={id}");
        Assert.Equal("Okänd", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.NewSupplier.Name']")!.Value);
        Assert.Null(page.QuerySelector("select[name='Input.SupplierId'] option[selected]"));
    }

    [Fact]
    public async Task NewSupplier_SameOrganisationNumber_UsesTheExistingOneAndSaysSo()
    {
        var sagovaven = await app.StoredAsync<Supplier>(s => s.Name == "Sagoväven AB");
        var count = await app.CountStoredAsync<Supplier>(_ => true);
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var page = await sara.FollowAsync(await sara.SubmitAsync("/Resources/Edit", "main form",
            NewResource("Sagoväven Rim", "Sagovaven Aktiebolag (ny)", sagovaven.OrganisationNumber!.Replace("-", "", StringComparison.Ordinal))));
        Assert.Contains("Sagoväven AB fanns redan med samma registrering och används.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(sagovaven.Id, (await app.StoredAsync<LearningResource>(r => r.Name == "Sagoväven Rim")).SupplierId);
        Assert.Equal(count, await app.CountStoredAsync<Supplier>(_ => true));
    }

    [Fact]
    public async Task NewSupplier_SimilarName_AsksDidYouMean_ThenUsesTheChoiceOrCreatesAnyway()
    {
        var nordlar = await app.SupplierIdAsync("Nordlär Förlag AB");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var response = await sara.SubmitAsync("/Resources/Edit", "main form", NewResource("Nordlär Rim", "NORDLAR förlag", "559900456-0"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await EnsaClient.ParseAsync(response);
        Assert.Contains("liknande namn som NORDLAR förlag", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"input[type=radio][value='{nordlar}']"));
        Assert.False(await app.IsStoredAsync<Supplier>(s => s.Name == "NORDLAR förlag"));
        Assert.False(await app.IsStoredAsync<LearningResource>(r => r.Name == "Nordlär Rim"));

        await sara.FollowAsync(await sara.SubmitAsync("/Resources/Edit", "main form",
            NewResource("Nordlär Rim", "NORDLAR förlag", "559900456-0", nordlar.ToString())));
        Assert.Equal(nordlar, (await app.StoredAsync<LearningResource>(r => r.Name == "Nordlär Rim")).SupplierId);

        await sara.FollowAsync(await sara.SubmitAsync("/Resources/Edit", "main form",
            NewResource("Nordlär Rim 2", "NORDLAR förlag", "559900456-0", EditModelChoice)));
        var createdAnyway = await app.StoredAsync<Supplier>(s => s.Name == "NORDLAR förlag");
        Assert.Equal(createdAnyway.Id, (await app.StoredAsync<LearningResource>(r => r.Name == "Nordlär Rim 2")).SupplierId);
    }

    private const string EditModelChoice = Web.Pages.Resources.EditModel.NewSupplierInput.CreateAnyway;

    [Theory]
    [InlineData("559900123-7", null, "Organisationsnumret stämmer inte")]
    [InlineData("", "", "Ange leverantörens svenska organisationsnummer")]
    [InlineData("", "SE", "Ange landet för en utländsk leverantör")]
    [InlineData("", "XX", "Ange landet för en utländsk leverantör")]
    public async Task NewSupplier_BadRegistration_RefusedWithItsMessage_NothingCreated(string orgNumber, string? country, string message)
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var values = NewResource("Felregistrerad " + message.Length, "Felregistrerad Leverantör AB", orgNumber);
        if (country is not null) (values["Input.NewSupplier.ForeignRegistration"], values["Input.NewSupplier.CountryCode"]) = (country.Length > 0 ? "HRB 1" : "", country);
        var response = await sara.SubmitAsync("/Resources/Edit", "main form", values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, EnsaClient.Text(await EnsaClient.ParseAsync(response), ".error"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<Supplier>(s => s.Name == "Felregistrerad Leverantör AB"));
    }

    [Fact]
    public async Task NewSupplier_ForeignRegistrationAndCountry_Created()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var values = NewResource("Kalevala Reading", "Kalevala Oy", "");
        (values["Input.NewSupplier.ForeignRegistration"], values["Input.NewSupplier.CountryCode"]) = ("FI 1234567-8", "fi");
        await sara.FollowAsync(await sara.SubmitAsync("/Resources/Edit", "main form", values));
        var kalevala = await app.StoredAsync<Supplier>(s => s.Name == "Kalevala Oy");
        Assert.Equal((null, "FI 1234567-8", "FI"), (kalevala.OrganisationNumber, kalevala.ForeignRegistration, kalevala.CountryCode));
    }

    [Fact]
    public async Task Requester_CannotAddASupplier()
    {
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var token = (await sara.GetPageAsync("/Resources/Edit")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var anna = await app.SignInAs(Roles.Requester);
        Assert.StartsWith("/Account/AccessDenied", (await anna.Http.GetAsync("/Resources/Edit")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var forged = await anna.Http.PostAsync("/Resources/Edit", new FormUrlEncodedContent(new Dictionary<string, string>(NewResource("Smyg", "Smygleverantör AB", "559900789-4"))
        {
            ["__RequestVerificationToken"] = token!,
        }));
        Assert.True(forged.StatusCode is HttpStatusCode.Found or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, forged.StatusCode.ToString());
        Assert.False(await app.IsStoredAsync<Supplier>(s => s.Name == "Smygleverantör AB"));
        Assert.Equal(HttpStatusCode.Forbidden, (await anna.Http.GetAsync("/Account/AccessDenied")).StatusCode);
    }

    [Fact]
    public async Task PlatformAdmin_EditsSupplier_BadNumberAndTakenNumberRefused()
    {
        var quizzly = await app.SupplierIdAsync("Quizzly Ltd");
        var sagovavenNumber = (await app.StoredAsync<Supplier>(s => s.Name == "Sagoväven AB")).OrganisationNumber!;
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var url = $"/Platform/Suppliers/Edit/{quizzly}";
        var page = await EnsaClient.ParseAsync(await nora.SubmitAsync(url, "main form", new Dictionary<string, string> { ["Input.OrganisationNumber"] = "12345" }));
        Assert.Contains("Organisationsnumret stämmer inte", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        page = await EnsaClient.ParseAsync(await nora.SubmitAsync(url, "main form", new Dictionary<string, string> { ["Input.OrganisationNumber"] = sagovavenNumber }));
        Assert.Contains("Sagoväven AB har redan den registreringen", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        Assert.Equal("IE 634512", (await app.StoredAsync<Supplier>(s => s.Id == quizzly)).ForeignRegistration);

        page = await nora.FollowAsync(await nora.SubmitAsync(url, "main form", new Dictionary<string, string>
        {
            ["Input.ContactName"] = "Aoife <b>Byrne</b>", ["Input.ContactEmail"] = "aoife@quizzly.example",
        }));
        Assert.Contains("Aoife <b>Byrne</b>", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("Aoife <b>Byrne</b>", "IE"), await app.WithDbAsync(db => db.Suppliers.Where(s => s.Id == quizzly).Select(s => ValueTuple.Create(s.ContactName, s.CountryCode)).SingleAsync()));
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(Supplier) && a.EntityId == quizzly.ToString() && a.Action == "Modified"));
    }

    [Fact]
    public async Task PlatformAdmin_EditsSupplier_BlankNameOrContactRefusedWithReason()
    {
        var quizzly = await app.SupplierIdAsync("Quizzly Ltd");
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var url = $"/Platform/Suppliers/Edit/{quizzly}";
        var page = await EnsaClient.ParseAsync(await nora.SubmitAsync(url, "main form", new Dictionary<string, string> { ["Input.Name"] = " " }));
        Assert.Contains("Ange leverantörens namn", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        page = await EnsaClient.ParseAsync(await nora.SubmitAsync(url, "main form", new Dictionary<string, string> { ["Input.ContactEmail"] = "" }));
        Assert.Contains("Ange kontaktpersonens e-postadress", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        Assert.Equal("Quizzly Ltd", (await app.StoredAsync<Supplier>(s => s.Id == quizzly)).Name);
    }

    [Fact]
    public async Task OrganizerAdminAndReviewer_CannotEditOrMerge()
    {
        var nordlar = await app.SupplierIdAsync("Nordlär Förlag AB");
        foreach (var role in new[] { Roles.OrganizerAdmin, Roles.CentralReviewer })
        {
            using var client = await app.SignInAs(role);
            foreach (var page in new[] { $"/Platform/Suppliers/Edit/{nordlar}", $"/Platform/Suppliers/Merge/{nordlar}" })
                Assert.StartsWith("/Account/AccessDenied", (await client.Http.GetAsync(page)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await nora.Http.GetAsync($"/Platform/Suppliers/Merge/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nora.Http.GetAsync($"/Platform/Suppliers/Edit/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Merge_IntoItself_Refused_NothingChanges()
    {
        var nordlar = await app.SupplierIdAsync("Nordlär Förlag AB");
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var url = $"/Platform/Suppliers/Merge/{nordlar}";
        var page = await nora.GetPageAsync($"{url}?Into={nordlar}");
        Assert.Contains("inte slås ihop med sig själv", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.merge-confirm"));
        var forged = await EnsaClient.ParseAsync(await nora.PostHandlerAsync(url, "", new Dictionary<string, string> { ["Into"] = nordlar.ToString() }));
        Assert.Contains("inte slås ihop med sig själv", EnsaClient.Text(forged, ".errors"), StringComparison.Ordinal);
        Assert.True(await app.IsStoredAsync<Supplier>(s => s.Id == nordlar));
    }

    [Fact]
    public async Task Merge_MovesEverythingToTheKeptSupplier_Audited() => await MergeScenario.RunAsync(app);

    [Theory]
    [InlineData("Lärfabriken AB", "Larfabriken", true)]
    [InlineData("Kodkraft Education AB", "KODKRAFT EDUCATION", true)]
    [InlineData("Quizzly Ltd", "Quizzly Limited", true)]
    [InlineData("Lingua Bridge GmbH", "Lingua-Bridge", true)]
    [InlineData("Lärfabriken AB", "Läromedel AB", false)]
    [InlineData("AB", "Lärfabriken AB", false)]
    public void SupplierName_IgnoresCaseDiacriticsAndLegalForm(string a, string b, bool similar) =>
        Assert.Equal(similar, SupplierName.AreSimilar(a, b));

    private static Task<HttpResponseMessage> DecideAsync(EnsaClient client, Guid id) =>
        client.SubmitAsync(Review(id), "form[action*='handler=Decide']", new Dictionary<string, string> { ["DecisionChoice"] = nameof(Decision.Approved) });

    private static readonly Dictionary<string, string> Description = new()
    {
        ["Input.SubjectMatter"] = "Läsövningar.", ["Input.Nature"] = "Lagring av elevens framsteg.", ["Input.Purposes"] = "Att eleven ska lära sig läsa.",
        ["Input.DataSubjects"] = "Pupils", ["Input.PersonalData[0].Name"] = "Elevens förnamn",
        ["Input.ProcessingOperations"] = "Lagring", ["Input.Retention"] = "Så länge skolan använder appen.", ["Input.Deletion"] = "Raderas inom 30 dagar.",
        ["Input.Locations[0].Description"] = "Datacenter i Stockholm", ["Input.Locations[0].CountryCode"] = "SE", ["Input.Locations[0].Storage"] = "true",
        ["Input.SecurityMeasures"] = "Kryptering", ["Input.Logging"] = "Inloggningar loggas.", ["Input.LogAccess"] = "Huvudmannen på begäran.",
        ["Input.AgreementContactName"] = "Lina Lär", ["Input.AgreementContactEmail"] = "lina@larfabriken.example",
        ["Input.DataProtectionContactName"] = "Lina Lär", ["Input.DataProtectionContactEmail"] = "lina@larfabriken.example",
    };

    [GeneratedRegex(@"https?://\S+AcceptInvitation\?token=[0-9a-f]+")]
    private static partial Regex InvitationLink();
}

/// <summary>A merge over HTTP, on whichever database the factory runs: a duplicate of Kodkraft with a resource, an
/// agreement, a description, a person and an invitation is merged into Kodkraft Education AB.</summary>
internal static class MergeScenario
{
    public static async Task RunAsync(EnsaAppFactory app)
    {
        var kept = await app.SupplierIdAsync("Kodkraft Education AB");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var noraId = await app.UserIdAsync("nora.lindgren@ensa.example");
        var (duplicate, resource) = await app.WithDbAsync(async db =>
        {
            var dup = new Supplier("Kodkraft Education", null, "EE 1234", "EE", "Amira Haddad", "amira@kodkraft.example", now);
            db.Suppliers.Add(dup);
            var r = LearningResource.AddedBy(null, new ResourceFacts("Kodkraft Dubblett", dup.Id, ResourceType.WebService, "Dubblett.", null, null, null,
                SchoolForms.None, null, null, SignInMethods.None, true, Pricing.Free), now);
            db.LearningResources.Add(r);
            db.Users.Add(new EnsaUser { UserName = "dup@kodkraft.example", Email = "dup@kodkraft.example", DisplayName = "Dup", SupplierId = dup.Id });
            Assert.True(SupplierInvitation.Create(new InvitingForSupplier(noraId, true, null), dup.Id, false, "ny@kodkraft.example", "Ny", now,
                out var invitation, out _).Succeeded);
            db.SupplierInvitations.Add(invitation);
            await db.SaveChangesAsync();
            return (dup.Id, r.Id);
        });

        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var url = $"/Platform/Suppliers/Merge/{duplicate}";
        var confirm = await nora.GetPageAsync($"{url}?Into={kept}");
        Assert.Contains("1 resurser", EnsaClient.Text(confirm, ".notice"), StringComparison.Ordinal);
        Assert.Contains("1 personer och 1 inbjudningar", EnsaClient.Text(confirm, ".notice"), StringComparison.Ordinal);
        var page = await nora.FollowAsync(await nora.SubmitAsync($"{url}?Into={kept}", "form.merge-confirm"));
        Assert.Contains("Kodkraft Education är ihopslagen med Kodkraft Education AB.", page.Body!.TextContent, StringComparison.Ordinal);

        Assert.False(await app.IsStoredAsync<Supplier>(s => s.Id == duplicate));
        Assert.Equal(kept, (await app.StoredAsync<LearningResource>(r => r.Id == resource)).SupplierId);
        Assert.Equal(kept, await app.WithDbAsync(db => db.Users.Where(u => u.Email == "dup@kodkraft.example").Select(u => u.SupplierId).SingleAsync()));
        Assert.Equal(kept, (await app.StoredAsync<SupplierInvitation>(i => i.Email == "ny@kodkraft.example")).SupplierId);
        var audit = await app.StoredAsync<AuditEntry>(a => a.EntityType == nameof(Supplier) && a.EntityId == duplicate.ToString() && a.Action == "Merged");
        var changes = JsonDocument.Parse(audit.Changes).RootElement;
        Assert.Equal(kept.ToString(), changes.GetProperty("MergedInto")[1].GetString());
        Assert.Equal(1, changes.GetProperty("Moved").GetProperty(nameof(LearningResource)).GetInt32());
        Assert.Equal("Nora Lindgren", audit.ActorName);
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(Supplier) && a.EntityId == duplicate.ToString() && a.Action == "Deleted"));
    }
}

/// <summary>The merge on PostgreSQL (skipped without ENSA_TEST_POSTGRES).</summary>
public sealed class SupplierPostgresTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task Merge_Postgres_MovesEverything()
    {
        TestEnvironment.RequirePostgres();
        await MergeScenario.RunAsync(app);
    }
}
