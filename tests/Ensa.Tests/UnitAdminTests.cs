using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The organizer admin keeps the tree of units on /Admin/Units: create, rename, move, close; never delete.</summary>
public abstract class UnitAdminTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    [Fact]
    public async Task NewSchoolUnit_Admin_AddedUnderTheChosenSchool()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var school = await UnitAsync(u => u.Kind == UnitKind.School);
        var code = NewCode();
        var response = await lisa.SubmitAsync("/Admin/Units", "form#new-unit", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(UnitKind.SchoolUnit), ["Input.Name"] = "Nya <skolan>", ["Input.SchoolUnitCode"] = code,
            ["Input.ParentId"] = school.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var unit = await UnitAsync(u => u.SchoolUnitCode == code);
        Assert.Equal((school.Id, "Nya <skolan>", UnitKind.SchoolUnit), (unit.ParentId!.Value, unit.Name, unit.Kind));
        var page = await lisa.GetPageAsync("/Admin/Units");
        Assert.Contains("Nya <skolan>", EnsaClient.Text(page, "table"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234567", "åtta siffror, inte ”1234567”")]
    [InlineData("39104512", "finns redan i Ensa")] // Lärande Norr's: codes are unique across organizers
    public async Task NewSchoolUnit_BadOrTakenCode_RefusedAndNothingStored(string code, string message)
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var school = await UnitAsync(u => u.Kind == UnitKind.School);
        var page = await EnsaClient.ParseAsync(await lisa.SubmitAsync("/Admin/Units", "form#new-unit", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(UnitKind.SchoolUnit), ["Input.Name"] = "Felkodsskolan", ["Input.SchoolUnitCode"] = code,
            ["Input.ParentId"] = school.Id.ToString(),
        }));

        Assert.Contains(message, EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<OrganisationUnit>(u => u.Name == "Felkodsskolan"));
    }

    [Fact]
    public async Task NewUnit_UnderSchoolUnit_Refused()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var schoolUnit = await UnitAsync(u => u.Kind == UnitKind.SchoolUnit);
        var page = await EnsaClient.ParseAsync(await lisa.SubmitAsync("/Admin/Units", "form#new-unit", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(UnitKind.School), ["Input.Name"] = "Under en skolenhet", ["Input.ParentId"] = schoolUnit.Id.ToString(),
        }));

        Assert.Contains("kan inte ha enheter under sig", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<OrganisationUnit>(u => u.Name == "Under en skolenhet"));
    }

    [Fact]
    public async Task Rename_Admin_Stored()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var unit = await NewUnitAsync(lisa, "Gamla namnet");
        await lisa.SubmitAsync($"/Admin/Units/Edit/{unit.Id}", "form#rename", new Dictionary<string, string> { ["Rename.Name"] = "Nya namnet" });
        Assert.Equal("Nya namnet", (await UnitAsync(u => u.Id == unit.Id)).Name);
    }

    [Fact]
    public async Task Rename_TooLong_SaysTheLimit()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var unit = await NewUnitAsync(lisa, "Kortnamnsskolan");
        var page = await EnsaClient.ParseAsync(await lisa.SubmitAsync($"/Admin/Units/Edit/{unit.Id}", "form#rename",
            new Dictionary<string, string> { ["Rename.Name"] = new string('x', 201) }));
        Assert.Contains("högst 200 tecken", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
        Assert.Equal("Kortnamnsskolan", (await UnitAsync(u => u.Id == unit.Id)).Name);
    }

    [Fact]
    public async Task Move_UnderAnotherSchool_Moved()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var unit = await NewUnitAsync(lisa, "Flyttskolan");
        var target = await NewUnitAsync(lisa, "Målskolan");
        await lisa.SubmitAsync($"/Admin/Units/Edit/{unit.Id}", "form#move", new Dictionary<string, string> { ["Move.ParentId"] = target.Id.ToString() });
        Assert.Equal(target.Id, (await UnitAsync(u => u.Id == unit.Id)).ParentId);
    }

    [Fact]
    public async Task Move_UnderItsOwnChild_RefusedWithMessage()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var parent = await NewUnitAsync(lisa, "Förälderskolan");
        var child = await NewUnitAsync(lisa, "Barnskolan", parent.Id);
        var page = await EnsaClient.ParseAsync(await lisa.SubmitAsync($"/Admin/Units/Edit/{parent.Id}", "form#move",
            new Dictionary<string, string> { ["Move.ParentId"] = child.Id.ToString() }));

        Assert.Contains("Förälderskolan kan inte flyttas till Barnskolan", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        Assert.Equal(parent.ParentId, (await UnitAsync(u => u.Id == parent.Id)).ParentId);

        var self = await EnsaClient.ParseAsync(await lisa.SubmitAsync($"/Admin/Units/Edit/{parent.Id}", "form#move",
            new Dictionary<string, string> { ["Move.ParentId"] = parent.Id.ToString() }));
        Assert.Contains("kan inte flyttas", EnsaClient.Text(self, ".errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_WithDate_KeepsUnitLeavesRequestForm_AndRefusesIfOpenUnitsBelow()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        using var anna = await app.SignInAs(Roles.Requester);
        var annasUnit = Assert.Single((await anna.GetPageAsync("/Requests/New")).QuerySelectorAll<IHtmlOptionElement>("select[name='Input.SchoolUnitId'] option"),
            o => o.Value.Length > 0).Value;
        var unit = await UnitAsync(u => u.Id == Guid.Parse(annasUnit));
        var school = await UnitAsync(u => u.Id == unit.ParentId);

        var refused = await EnsaClient.ParseAsync(await lisa.SubmitAsync($"/Admin/Units/Edit/{school.Id}", "form#close",
            new Dictionary<string, string> { ["Close.ClosedOn"] = "2026-06-30" }));
        Assert.Contains("har öppna enheter under sig", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Null((await UnitAsync(u => u.Id == school.Id)).ClosedOn);

        await lisa.SubmitAsync($"/Admin/Units/Edit/{unit.Id}", "form#close", new Dictionary<string, string> { ["Close.ClosedOn"] = "2026-06-30" });
        Assert.Equal(new DateOnly(2026, 6, 30), (await UnitAsync(u => u.Id == unit.Id)).ClosedOn);
        var form = await anna.GetPageAsync("/Requests/New");
        Assert.Null(form.QuerySelector($"option[value='{unit.Id}']"));
        var edit = await lisa.GetPageAsync($"/Admin/Units/Edit/{unit.Id}");
        Assert.Contains("Stängd från 2026-06-30", EnsaClient.Text(edit, ".facts"), StringComparison.Ordinal);
        Assert.Null(edit.QuerySelector("form#close"));
    }

    [Fact]
    public async Task Close_WithoutDate_Refused()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var unit = await NewUnitAsync(lisa, "Datumlösa skolan");
        var page = await EnsaClient.ParseAsync(await lisa.SubmitAsync($"/Admin/Units/Edit/{unit.Id}", "form#close",
            new Dictionary<string, string> { ["Close.ClosedOn"] = "" }));
        Assert.Contains("måste fyllas i", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
        Assert.Null((await UnitAsync(u => u.Id == unit.Id)).ClosedOn);
    }

    [Fact]
    public async Task OtherOrganizersUnit_Admin_NotFoundAndUnchanged()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var theirs = await UnitAsync(u => u.SchoolUnitCode == "39104512");
        var mine = await UnitAsync(u => u.Kind == UnitKind.School);
        Assert.Equal(HttpStatusCode.NotFound, (await lisa.Http.GetAsync($"/Admin/Units/Edit/{theirs.Id}")).StatusCode);

        // A forged post with Lisa's valid token, aimed at Lärande Norr's unit.
        var token = (await lisa.GetPageAsync($"/Admin/Units/Edit/{mine.Id}")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var response = await lisa.Http.PostAsync($"/Admin/Units/Edit/{theirs.Id}?handler=Rename",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Rename.Name"] = "Kapad" }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Lärande Norr Umeå", (await UnitAsync(u => u.Id == theirs.Id)).Name);

        // Nor can a unit be moved under another organizer's unit.
        var move = await lisa.SubmitAsync($"/Admin/Units/Edit/{mine.Id}", "form#move", new Dictionary<string, string> { ["Move.ParentId"] = theirs.Id.ToString() });
        Assert.Contains("Välj en enhet hos huvudmannen", EnsaClient.Text(await EnsaClient.ParseAsync(move), ".errors"), StringComparison.Ordinal);
        Assert.Equal(mine.ParentId, (await UnitAsync(u => u.Id == mine.Id)).ParentId);
    }

    [Fact]
    public async Task Roles_AtAClosedUnit_NotOffered_AndAPostedOneRefused()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var open = await NewUnitAsync(lisa, "Öppna skolan");
        var closed = await NewUnitAsync(lisa, "Nedlagda skolan");
        await app.WithDbAsync(async db =>
        {
            var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == closed.Id);
            Assert.True(unit.Close(Common.SwedishCalendar.Today(app.Clock), hasOpenChildren: false).Succeeded);
            return await db.SaveChangesAsync();
        });

        var invite = await lisa.GetPageAsync("/Admin/Users/Invite");
        Assert.NotNull(invite.QuerySelector($"option[value='{open.Id}']"));
        Assert.Null(invite.QuerySelector($"option[value='{closed.Id}']"));
        var refused = await EnsaClient.ParseAsync(await lisa.SubmitAsync("/Admin/Users/Invite", "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "ny.person@mittkoping.example", ["Input.DisplayName"] = "Ny Person", ["Role.Role"] = "Requester",
            ["Role.UnitId"] = closed.Id.ToString(),
        }));
        Assert.Contains("Nedlagda skolan är stängd", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<Invitation>(i => i.Email == "ny.person@mittkoping.example"));

        var anna = await app.UserIdAsync("anna.lindberg@mittkoping.example");
        var roles = await lisa.GetPageAsync($"/Admin/Users/Roles/{anna}");
        Assert.Null(roles.QuerySelector($"option[value='{closed.Id}']"));
        refused = await EnsaClient.ParseAsync(await lisa.SubmitAsync($"/Admin/Users/Roles/{anna}", "form[action*=Add]",
            new Dictionary<string, string> { ["Role.Role"] = "Requester", ["Role.UnitId"] = closed.Id.ToString() }));
        Assert.Contains("Nedlagda skolan är stängd", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<Membership>(m => m.UserId == anna && m.OrganisationUnitId == closed.Id));
    }

    [Theory]
    [InlineData(Roles.Requester)]
    [InlineData(Roles.CentralReviewer)]
    [InlineData(Roles.PlatformAdmin)]
    public async Task UnitsAdminPage_NotOrganizerAdmin_Refused(string role)
    {
        app.RequireDatabase();
        using var client = await app.SignInAs(role);
        var response = await client.Http.GetAsync("/Admin/Units");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>A new school under Mittköping's administration (or <paramref name="parentId"/>), made through the page.</summary>
    private async Task<OrganisationUnit> NewUnitAsync(EnsaClient lisa, string name, Guid? parentId = null)
    {
        var parent = parentId ?? (await UnitAsync(u => u.Name == "Utbildningsförvaltningen")).Id;
        var response = await lisa.SubmitAsync("/Admin/Units", "form#new-unit", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(UnitKind.School), ["Input.Name"] = name, ["Input.ParentId"] = parent.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await UnitAsync(u => u.Name == name);
    }

    private Task<OrganisationUnit> UnitAsync(System.Linq.Expressions.Expression<Func<OrganisationUnit, bool>> where) =>
        app.WithDbAsync(db => db.OrganisationUnits.IgnoreQueryFilters().AsNoTracking().Where(where).OrderBy(u => u.Name).FirstAsync());

    private static string NewCode() => Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class UnitAdminSqliteTests(EnsaAppFactory app) : UnitAdminTests<EnsaAppFactory>(app);

public sealed class UnitAdminPostgresTests(PostgresAppFactory app) : UnitAdminTests<PostgresAppFactory>(app);
