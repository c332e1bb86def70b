using System.Net;
using Ensa.Agreements;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Privacy;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The task inbox (/Inbox): each step shows for the people who may take it, and only them, until it is taken;
/// the start page counts the same list. Steps are taken through the domain, the inbox is read over HTTP.</summary>
public abstract class InboxTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Inbox = "/Inbox";
    private const string Sara = "sara.nilsson@mittkoping.example";
    private const string Ahmed = "ahmed.karimi@mittkoping.example";
    private const string Karin = "karin.holm@mittkoping.example";
    private const string Anna = "anna.lindberg@mittkoping.example";
    private const string Lisa = "lisa.ekstrom@mittkoping.example";

    [Fact]
    public async Task Inbox_NotSignedIn_RedirectsToSignIn()
    {
        app.RequireDatabase();
        using var client = app.NewClient();
        var response = await client.Http.GetAsync(Inbox);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestInReview_ReviewSecurityDecisionThenUnitsPeople_EachForItsPeopleUntilDone()
    {
        app.RequireDatabase();
        var id = await app.InReviewAsync();
        var review = $"/Review/Request/{id}";
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        using var karin = await app.SignInAs(Roles.Principal);
        using var anna = await app.SignInAs(Roles.Requester);
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");

        Assert.Equal(["Granska förfrågan"], await KindsAsync(sara, review));
        Assert.Equal(["Gör informationssäkerhetens del av granskningen"], await KindsAsync(ahmed, review));
        foreach (var other in new[] { karin, anna, fredrik }) Assert.Empty(await KindsAsync(other, review));

        await ChangeRequestAsync(id, async (db, request, now) =>
        {
            var reviewer = await RequestScenarios.ActorAsync(db, Sara, Role.CentralReviewer);
            var round = new ResourceReview(request, now) { AgreementNeed = AgreementNeed.NotNeeded };
            Assert.True(request.RecordReview(reviewer, round, now).Succeeded);
            round.SignReview(reviewer, now);
            db.ResourceReviews.Add(round);
        });
        Assert.Equal(["Fatta beslut om förfrågan"], await KindsAsync(sara, review));
        Assert.Equal(["Gör informationssäkerhetens del av granskningen"], await KindsAsync(ahmed, review));

        await ChangeRequestAsync(id, async (db, request, now) =>
        {
            var round = await db.ResourceReviews.IgnoreQueryFilters().SingleAsync(r => r.RequestId == id);
            var security = await RequestScenarios.ActorAsync(db, Ahmed, Role.SecurityCoordinator);
            Assert.True(request.RecordSecurityReview(security, round, now).Succeeded);
            round.RecordSecurity(security, "Godtagbart.", now);
            Assert.True(request.Decide(await RequestScenarios.ActorAsync(db, Sara, Role.CentralReviewer), round, Decision.Approved, null, null, now).Succeeded);
        });
        Assert.Empty(await KindsAsync(sara, review));
        Assert.Empty(await KindsAsync(ahmed, review));
        var use = $"/Requests/Use/{id}";
        Assert.Equal(["Utse registeransvarig och lokal systemadministratör", "Bekräfta utbildning"], await KindsAsync(karin, use));
        Assert.Empty(await KindsAsync(sara, use));

        await ChangeRequestAsync(id, async (db, request, now) =>
        {
            var principal = await RequestScenarios.ActorAsync(db, Karin, Role.Principal);
            Assert.True(request.NameResponsibles(principal, principal.UserId, "Ulla Admin", "ulla.admin@mittkoping.example", now).Succeeded);
            Assert.True(request.ConfirmTraining(principal, now).Succeeded);
        });
        Assert.Empty(await KindsAsync(karin, use));
    }

    [Fact]
    public async Task SubmittedRequest_OnlyThatUnitsPrincipal_UntilApproved()
    {
        app.RequireDatabase();
        var (mine, other) = await app.WithDbAsync(async db =>
        {
            var principal = await RequestScenarios.ActorAsync(db, Karin, Role.Principal);
            var requester = await RequestScenarios.ActorAsync(db, Anna, Role.Requester);
            var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == RequestScenarios.Unit);
            var elsewhere = await db.OrganisationUnits.IgnoreQueryFilters().FirstAsync(u =>
                u.OrganizerId == unit.OrganizerId && u.SchoolUnitCode != null && !principal.PrincipalOfUnits.Contains(u.Id));
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var ids = new List<Guid>();
            foreach (var at in new[] { unit, elsewhere })
            {
                var request = ResourceRequest.CreateDraft(at.OrganizerId, at.Id, requester, new RequestDetails { ProposedName = "Inkorgsresurs", Need = "Behov." }, now);
                Assert.True(request.Submit(requester, now).Succeeded);
                db.ResourceRequests.Add(request);
                ids.Add(request.Id);
            }
            await db.SaveChangesAsync();
            return (ids[0], ids[1]);
        });
        using var karin = await app.SignInAs(Roles.Principal);
        using var sara = await app.SignInAs(Roles.CentralReviewer);

        Assert.Equal(["Godkänn förfrågan som rektor"], await KindsAsync(karin, $"/Requests/{mine}"));
        Assert.Empty(await KindsAsync(karin, $"/Requests/{other}"));
        Assert.Empty(await KindsAsync(sara, $"/Requests/{mine}"));

        await ChangeRequestAsync(mine, async (db, request, now) =>
            Assert.True(request.ApproveAsPrincipal(await RequestScenarios.ActorAsync(db, Karin, Role.Principal), now).Succeeded));
        Assert.Empty(await KindsAsync(karin, $"/Requests/{mine}"));
        Assert.Equal(["Granska förfrågan"], await KindsAsync(sara, $"/Review/Request/{mine}"));
    }

    [Fact]
    public async Task AgreementUnderReview_SecurityThenApprovalThenSigning_EachForItsRole()
    {
        app.RequireDatabase();
        var id = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
            .Where(a => a.Status == AgreementStatus.UnderReview && a.SecurityReviewedAt == null).Select(a => a.Id).FirstAsync());
        var href = $"/Agreements/{id}";
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        using var anna = await app.SignInAs(Roles.Requester);

        Assert.Equal(["Granska avtalet (informationssäkerhet)"], await KindsAsync(ahmed, href));
        foreach (var other in new[] { sara, lisa, anna }) Assert.Empty(await KindsAsync(other, href));

        var security = await app.ActorAsync(Ahmed, Role.SecurityCoordinator);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.ChangeAgreementAsync(id, a => a.RecordSecurityReview(security, "Godtagbart.", now));
        Assert.Empty(await KindsAsync(ahmed, href));
        Assert.Equal(["Godkänn avtalet för undertecknande"], await KindsAsync(sara, href));
        Assert.Empty(await KindsAsync(lisa, href));

        var reviewer = await app.ActorAsync(Sara, Role.CentralReviewer);
        await app.ChangeAgreementAsync(id, a => a.ApproveForSigning(reviewer, now));
        Assert.Equal(["Registrera undertecknat avtal"], await KindsAsync(sara, href));
        Assert.Equal(["Registrera undertecknat avtal"], await KindsAsync(lisa, href));
        Assert.Empty(await KindsAsync(ahmed, href));
    }

    [Fact]
    public async Task PendingVersionChange_ForAgreementManagersAndSecurityCoordinators_NotOthers()
    {
        app.RequireDatabase();
        var id = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
            .Where(a => a.Status == AgreementStatus.InForce && a.PendingDescriptionId != null && a.ObjectedAt == null).Select(a => a.Id).FirstAsync());
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        using var anna = await app.SignInAs(Roles.Requester);
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);

        Assert.Equal(["Godta eller invänd mot leverantörens nya version"], await KindsAsync(lisa, $"/Agreements/{id}"));
        Assert.Equal(["Godta eller invänd mot leverantörens nya version"], await KindsAsync(ahmed, $"/Agreements/{id}"));
        Assert.Empty(await KindsAsync(anna, $"/Agreements/{id}"));
        Assert.Empty(await KindsAsync(fredrik, $"/Agreements/{id}"));
    }

    [Fact]
    public async Task OpenRightsTask_ForItsAdministratorByEmail_WithoutLink_UntilAnswered()
    {
        app.RequireDatabase();
        var task = await app.WithDbAsync(db => db.RightsTasks.IgnoreQueryFilters().Where(t => t.Status == RightsTaskStatus.Open).FirstAsync());
        const string password = "ett långt lösenord 42";
        await app.CreateUserWithPasswordAsync(task.AdministratorEmail, password, Role.Requester);
        using var administrator = app.NewClient();
        await administrator.SignInWithPasswordAsync(task.AdministratorEmail, password);
        using var anna = await app.SignInAs(Roles.Requester);

        var row = Assert.Single(await RowsAsync(administrator), r => r.Kind.StartsWith("Besvara uppgift om registrerades rättigheter", StringComparison.Ordinal));
        Assert.Null(row.Href);
        Assert.Contains("länken i e-postmeddelandet", row.Kind, StringComparison.Ordinal);
        Assert.DoesNotContain(await RowsAsync(anna), r => r.Kind.StartsWith("Besvara uppgift", StringComparison.Ordinal));

        await app.WithDbAsync(async db =>
        {
            var rights = await db.RightsRequests.IgnoreQueryFilters().Include(r => r.Tasks).SingleAsync(r => r.Id == task.RightsRequestId);
            var sara = await RequestScenarios.ActorAsync(db, Sara, Role.CentralReviewer);
            Assert.True(rights.Answer(sara, task.Id, RightsTaskStatus.NotUsed, null, "Sara", app.Clock.GetUtcNow().UtcDateTime).Succeeded);
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await RowsAsync(administrator), r => r.Kind.StartsWith("Besvara uppgift", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AgreementSentToSupplier_ForThatSuppliersUser_NotTheOrganizer()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var resourceId = await app.ResourceIdAsync("Sagoväven Bokstavslek");
        var created = await lisa.SubmitAsync("/Agreements/New", "main form", new Dictionary<string, string> { ["ResourceId"] = resourceId.ToString() });
        var url = created.Headers.Location!.OriginalString;
        await lisa.FollowAsync(await lisa.SubmitAsync(url, "form[action$='handler=Send']"));
        using var elin = await app.SignInAs(Roles.SupplierUser);

        var describe = $"/Supplier/Describe/{resourceId}";
        Assert.Equal(["Fyll i eller komplettera beskrivningen"], await KindsAsync(elin, describe));
        Assert.Contains(await RowsAsync(elin), r => r.Href == describe && r.About.Contains("Mittköpings kommun", StringComparison.Ordinal));
        Assert.Empty(await KindsAsync(lisa, describe));
    }

    [Fact]
    public async Task AgreementSentToSupplierNobodyActsFor_ForThePlatformAdmin_UntilSomeoneIsInvited()
    {
        app.RequireDatabase();
        var kodkraft = await app.SupplierIdAsync("Kodkraft Education AB");
        var details = $"/Platform/Suppliers/Details/{kodkraft}";
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        Assert.Empty(await KindsAsync(nora, details));

        var created = await lisa.SubmitAsync("/Agreements/New", "main form",
            new Dictionary<string, string> { ["ResourceId"] = (await app.ResourceIdAsync("Kodkraft Blocklabb")).ToString() });
        var url = created.Headers.Location!.OriginalString;
        await lisa.FollowAsync(await lisa.SubmitAsync(url, "form[action$='handler=Send']"));

        // The platform admin finds it in the inbox, not only in the e-mail.
        Assert.Equal(["Kontrollera vem som företräder leverantören och bjud in personen"], await KindsAsync(nora, details));
        Assert.Contains(await RowsAsync(nora), r => r.Href == details && r.About == "Kodkraft Education AB");
        Assert.Empty(await KindsAsync(lisa, details));

        // Once someone is invited for the supplier, it waits on that person, not on the platform admin.
        await nora.FollowAsync(await nora.SubmitAsync(details, "main form", new Dictionary<string, string>
        {
            ["Invite.Email"] = "amira.inkorg@kodkraft.example", ["Invite.DisplayName"] = "Amira Haddad", ["Invite.IsAdmin"] = "true",
        }));
        Assert.True(await app.IsStoredAsync<SupplierInvitation>(i => i.SupplierId == kodkraft && i.AcceptedAt == null));
        Assert.Empty(await KindsAsync(nora, details));
    }

    [Fact]
    public async Task StartPage_CountsTheInbox_OldestFirst()
    {
        app.RequireDatabase();
        await app.InReviewAsync();
        foreach (var role in new[] { Roles.CentralReviewer, Roles.SecurityCoordinator, Roles.Principal, Roles.Requester })
        {
            using var client = await app.SignInAs(role);
            var rows = await RowsAsync(client);
            var start = await client.GetPageAsync("/");
            Assert.Equal(rows.Count.ToString(SwedishCalendar.Culture), start.Figure("Uppgifter som väntar på dig"));
            var since = rows.Select(r => r.Since).ToList();
            Assert.Equal(since.Order(StringComparer.Ordinal), since);
            if (rows.Count == 0) Assert.Contains("Inget väntar på dig", (await client.GetPageAsync(Inbox)).Body!.TextContent, StringComparison.Ordinal);
        }
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.NotEmpty(await RowsAsync(sara));
    }

    private sealed record Row(string Kind, string? Href, string About, string Since);

    private static async Task<List<Row>> RowsAsync(EnsaClient client) =>
        (await client.GetPageAsync(Inbox)).QuerySelectorAll("table.inbox tbody tr")
            .Select(r => new Row(r.Children[0].TextContent.Trim(), r.Children[0].QuerySelector("a")?.GetAttribute("href"),
                r.Children[1].TextContent.Trim(), r.Children[2].TextContent.Trim()))
            .ToList();

    /// <summary>The kinds of the client's tasks that link to <paramref name="href"/>, in the inbox's order.</summary>
    private static async Task<List<string>> KindsAsync(EnsaClient client, string href) =>
        (await RowsAsync(client)).Where(r => r.Href == href).Select(r => r.Kind).ToList();

    private Task<int> ChangeRequestAsync(Guid id, Func<Data.EnsaDbContext, ResourceRequest, DateTime, Task> change) => app.WithDbAsync(async db =>
    {
        var request = await db.ResourceRequests.IgnoreQueryFilters().Include(r => r.Events).Include(r => r.Use).SingleAsync(r => r.Id == id);
        await change(db, request, app.Clock.GetUtcNow().UtcDateTime);
        return await db.SaveChangesAsync();
    });
}

public sealed class InboxSqliteTests(EnsaAppFactory app) : InboxTests<EnsaAppFactory>(app);

public sealed class InboxPostgresTests(PostgresAppFactory app) : InboxTests<PostgresAppFactory>(app);
