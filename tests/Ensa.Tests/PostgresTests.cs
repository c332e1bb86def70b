using System.Net;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The main paths on PostgreSQL: start-up migration and demo data, sign-in, tenancy, audit, leases.</summary>
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
        var unit = await app.WithDbAsync(db => db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.Name == "Ekbackeskolan F–3").Select(u => u.Id).SingleAsync());
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
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.EntityType == nameof(Invitation))));
    }

    [Fact]
    public async Task Postgres_Lease_OnlyOneNodeGetsIt()
    {
        TestEnvironment.RequirePostgres();
        await LeaseAssertions.OnlyOneNodeHoldsALeaseAsync(app);
    }
}
