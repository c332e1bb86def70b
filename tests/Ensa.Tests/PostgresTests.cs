using System.Net;
using AngleSharp.Dom;
using Ensa.Audit;
using Ensa.Identity;
using Ensa.Resources;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The main paths on PostgreSQL: start-up migration and demo data, sign-in, tenancy, audit, leases, and the queries
/// of the catalogue, the review, the public list, the register and its gaps, rights requests and the record of processing.</summary>
public sealed class PostgresTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task Postgres_DemoData_SignInShowsFigures()
    {
        TestEnvironment.RequirePostgres();
        using var client = await app.SignInAs(Roles.OrganizerAdmin);
        var page = await client.GetPageAsync("/");
        Assert.Equal("12", page.Figure("Skolenheter"));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Admin/Audit")).StatusCode);
        Assert.Equal("Healthy", await (await client.Http.GetAsync("/health")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Postgres_OtherOrganizersUnit_Answers404()
    {
        TestEnvironment.RequirePostgres();
        var unit = await app.UnitIdAsync("Ekbackeskolan F–3");
        using var other = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/Units/{unit}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.OrganisationUnits.CountAsync()));
    }

    [Fact]
    public async Task Postgres_Invitation_IsStoredAuditedAndMailed()
    {
        TestEnvironment.RequirePostgres();
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        await admin.FollowAsync(await admin.SubmitAsync("/Admin/Users/Invite", "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "pg@mittkoping.example",
            ["Input.DisplayName"] = "Pg Person",
        }));
        Assert.True(await app.DispatchMailAsync() >= 1);
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(Invitation)));
    }

    [Fact]
    public async Task Postgres_Lease_OnlyOneNodeGetsIt()
    {
        TestEnvironment.RequirePostgres();
        await LeaseAssertions.OnlyOneNodeHoldsALeaseAsync(app);
    }

    [Fact]
    public async Task Postgres_CatalogueAndReview_Load()
    {
        TestEnvironment.RequirePostgres();
        var id = await app.InReviewAsync("Quizzly");
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.Contains("Quizzly", EnsaClient.Text(await sara.GetPageAsync("/Resources?q=quiz"), "tbody"), StringComparison.Ordinal);
        var samhalle = (await app.StoredAsync<LearningResource>(r => r.Name.StartsWith("Nordlär Samhälle"))).Id;
        Assert.StartsWith("2 huvudmän", (await sara.GetPageAsync($"/Resources/{samhalle}")).QuerySelector(".approved-by")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Quizzly", EnsaClient.Text(await sara.GetPageAsync("/Review"), "tbody"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await sara.Http.GetAsync($"/Review/Request/{id}")).StatusCode);
    }

    [Fact]
    public async Task Postgres_PublicList_PagesJsonAndCsv()
    {
        TestEnvironment.RequirePostgres();
        using var visitor = app.NewClient();
        var list = await visitor.GetPageAsync("/public/mittkoping/resources?q=samh%C3%A4lle");
        Assert.Equal("Nordlär Samhälle 7–9, digital del", EnsaClient.Text(list, ".public-list h2"));
        var link = list.QuerySelector(".public-list h2 a")!.GetAttribute("href")!;
        Assert.Equal("Finns och gäller", (await visitor.GetPageAsync(link)).QuerySelector(".agreement")!.TextContent.Trim());
        Assert.Contains("\"decision\":\"Approved\"", await visitor.Http.GetStringAsync("/public/mittkoping/resources.json?status=Approved"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync("/public/mittkoping/resources.csv")).StatusCode);
    }

    [Fact]
    public async Task Postgres_RegisterGapsRightsAndRecord()
    {
        TestEnvironment.RequirePostgres();
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        Assert.Contains("Petra Sjöberg", EnsaClient.Text(await sara.GetPageAsync("/Register"), "table.register"), StringComparison.Ordinal);
        Assert.Contains("Sagoväven Bokstavslek", (await sara.GetPageAsync("/Register/Gaps")).QuerySelector("#missing")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var unit = await app.UnitIdAsync("Ekbackeskolan 4–9");
        var page = await sara.GetPageAsync("/Privacy/New");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form")!;
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector($"input[value='{unit}']")!).IsChecked = true;
        var created = await sara.FollowAsync(await sara.SubmitAsync("/Privacy/New", form, new Dictionary<string, string> { ["Input.Reference"] = "PG 2026/1" }));
        Assert.Equal("0 av 1", created.QuerySelector(".progress")!.TextContent.Trim());
        Assert.Contains("PG 2026/1", EnsaClient.Text(await sara.GetPageAsync("/Privacy"), "table.cases"), StringComparison.Ordinal);
        Assert.Contains("Namn, klass, inloggnings-id, resultat", EnsaClient.Text(await sara.GetPageAsync("/Privacy/Record"), ".personal-data"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await sara.Http.GetAsync("/Privacy/Record?handler=Csv")).StatusCode);
    }
}
