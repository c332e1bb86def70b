using System.Text.Json;
using Ensa.Identity;
using Ensa.MasterData;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The SS 12000 import against a local source: paging, tokens, failures, the Huvudman check, skip reasons,
/// idempotence, principals, and the GDPR minimum.</summary>
public abstract class Ss12000ImportTests<TFactory>(TFactory app) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : EnsaAppFactory
{
    private const string RektorCivicNo = "19750312-4839";
    private Ss12000Server _server = null!;
    private Guid _organizerId;
    private string _slug = "";
    private readonly Ss12000Data _data = new();
    private Dictionary<string, object?> _school = null!, _unitA = null!, _unitB = null!, _rektor = null!, _teacher = null!;
    private string _codeA = "";

    public async ValueTask InitializeAsync()
    {
        _server = await Ss12000Server.StartAsync();
        app.RequireDatabase();
        var orgNumber = Ss12000Data.NewOrganisationNumber();
        _slug = "testby-" + Guid.NewGuid().ToString("N")[..8];
        _organizerId = await app.WithDbAsync(async db =>
        {
            var (result, created) = await OrganizerSetup.CreateAsync(db, new NewOrganizer("Testby kommun", orgNumber,
                _slug, OrganizerKind.Municipality, "Skolnämnden", "Admin", "admin@testby.example"), Guid.Empty, DateTime.UtcNow);
            Assert.True(result.Succeeded);
            await db.SaveChangesAsync();
            return created!.Organizer.Id;
        });
        var huvudman = _data.Organisation("Huvudman", "Testby kommun", null, orgNumber: orgNumber.Replace("-", "", StringComparison.Ordinal));
        _codeA = Ss12000Data.NewSchoolUnitCode();
        // A child before its parent: the school units come first.
        _unitA = _data.Organisation("Skolenhet", "Östra skolan F-3", "placeholder", _codeA);
        _unitB = _data.Organisation("Skolenhet", "Östra skolan 4-6", "placeholder", Ss12000Data.NewSchoolUnitCode());
        _data.Organisation("Skolenhet", "Kortkoden", huvudman["id"]!.ToString(), "1234567");
        _school = _data.Organisation("Skola", "Östra skolan", huvudman["id"]!.ToString());
        _data.Organisations.Remove(huvudman);
        _data.Organisations.Add(huvudman);
        _unitA["parentOrganisation"] = new { id = _school["id"] };
        _unitB["parentOrganisation"] = new { id = _school["id"] };
        _rektor = _data.Person("Rut", "Rektorsson", RektorCivicNo, "rut.rektorsson@testby.example");
        _teacher = _data.Person("Lars", "<b>Lärare</b>", "19800101-1234", "lars@testby.example", "Skyddad folkbokföring");
        _data.Duty(_rektor["id"], _unitA["id"], "Rektor");
        _data.Duty(_teacher["id"], _unitB["id"], "Lärare");
        _data.Duty(_teacher["id"], Guid.NewGuid().ToString(), "Lärare");
        _server.Data = _data;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<Ss12000Snapshot> ReadAsync(Ss12000Connection? connection = null)
    {
        using var http = new HttpClient();
        return await Ss12000Source.ReadAsync(http, connection ?? new Ss12000Connection(_server.BaseUrl, Ss12000Server.Token));
    }

    private Task<(Ensa.Common.Result Result, ImportSummary? Summary)> ImportAsync(Ss12000Snapshot snapshot, bool save = true) =>
        app.WithDbAsync(async db =>
        {
            var outcome = await Ss12000Import.RunAsync(db, _organizerId, snapshot, DateTime.UtcNow);
            if (save) await db.SaveChangesAsync();
            return outcome;
        });

    private Task<List<OrganisationUnit>> UnitsAsync() =>
        app.WithDbAsync(db => db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.OrganizerId == _organizerId).ToListAsync());

    [Fact]
    public async Task Import_FromPagedApiWithBearerToken_CreatesUnitsStaffAndPrincipal()
    {
        var (result, summary) = await ImportAsync(await ReadAsync());

        Assert.True(result.Succeeded);
        Assert.Equal((3, 1), (summary!.Organisations.Created, summary.Organisations.Skipped));
        var units = await UnitsAsync();
        var school = units.Single(u => u.SourceId == (string)_school["id"]!);
        var unitA = units.Single(u => u.SourceId == (string)_unitA["id"]!);
        Assert.Equal((UnitKind.SchoolUnit, _codeA, school.Id), (unitA.Kind, unitA.SchoolUnitCode, unitA.ParentId));
        Assert.Equal(units.Single(u => u.ParentId == null).Id, school.ParentId);
        // Paging: every page after the first asks with the token and limit only.
        var paged = _server.Requests.Where(r => r.Query.Contains("pageToken", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(paged);
        Assert.All(paged, r => Assert.Matches(@"^\?limit=\d+&pageToken=\d+$", r.Query));
        Assert.Contains(_server.Requests, r => r.List == "persons" && r.Query.Contains("relationship.entity.type=duty", StringComparison.Ordinal));
        Assert.Contains(summary.Skipped, s => s.Reason.Code == "Ss12000.Skip.SchoolUnitCode" && (int)s.Reason.Args[0] == 7);
        Assert.Contains(summary.Skipped, s => s.Type == "duty" && s.Reason.Code == "Ss12000.Skip.DutyOrganisationMissing");

        var principal = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "rut.rektorsson@testby.example");
            return await db.Memberships.IgnoreQueryFilters().SingleAsync(m => m.UserId == user.Id && m.OrganizerId == _organizerId);
        });
        Assert.Equal((Role.Principal, unitA.Id), (principal.Role, principal.OrganisationUnitId));
        var persons = await app.WithDbAsync(db => db.ImportedPersons.IgnoreQueryFilters().Where(p => p.OrganizerId == _organizerId).ToListAsync());
        var rut = persons.Single(p => p.SourceId == (string)_rektor["id"]!);
        Assert.Equal(("Rut Rektorsson", "rut.rektorsson@testby.example", false), (rut.Name, rut.WorkEmail, rut.IsProtectedIdentity));
        Assert.Equal(["rut@skola.example", "rut@idp.example"], rut.PrincipalNames);
        var lars = persons.Single(p => p.SourceId == (string)_teacher["id"]!);
        Assert.True(lars.IsProtectedIdentity);
        Assert.Equal("Lars <b>Lärare</b>", lars.Name);
    }

    [Fact]
    public async Task Import_Twice_TheSecondChangesNothing()
    {
        await ImportAsync(await ReadAsync());

        var (_, again) = await ImportAsync(await ReadAsync());

        Assert.False(again!.ChangesAnything);
        Assert.Equal(3, (await UnitsAsync()).Count(u => u.SourceId != null && u.ParentId != null));
    }

    [Fact]
    public async Task Import_WithClientCredentials_GetsATokenFirst()
    {
        var snapshot = await ReadAsync(new Ss12000Connection(_server.BaseUrl, null, _server.TokenUrl, Ss12000Server.ClientId, Ss12000Server.ClientSecret));

        Assert.Equal(_data.Organisations.Count, snapshot.Organisations.Count);
        var refused = await Assert.ThrowsAsync<Ss12000Exception>(() =>
            ReadAsync(new Ss12000Connection(_server.BaseUrl, null, _server.TokenUrl, Ss12000Server.ClientId, "wrong")));
        Assert.Equal(("Ss12000.TokenRefused", 401), (refused.Error.Code, (int)refused.Error.Args[0]));
    }

    [Fact]
    public async Task Read_WithABadToken_A500OrAMalformedPage_FailsWithAReason()
    {
        var unauthorized = await Assert.ThrowsAsync<Ss12000Exception>(() => ReadAsync(new Ss12000Connection(_server.BaseUrl, "bad")));
        Assert.Equal("Ss12000.Unauthorized", unauthorized.Error.Code);
        _server.Failing.Add("duties");
        var failed = await Assert.ThrowsAsync<Ss12000Exception>(() => ReadAsync());
        Assert.Equal(("Ss12000.HttpFailed", "duties", 500), (failed.Error.Code, failed.Error.Args[0], failed.Error.Args[2]));
        _server.Failing.Clear();
        _server.Malformed.Add("persons");
        var malformed = await Assert.ThrowsAsync<Ss12000Exception>(() => ReadAsync());
        Assert.Equal(("Ss12000.PageMalformed", "persons"), (malformed.Error.Code, malformed.Error.Args[0]));
    }

    [Fact]
    public async Task Import_OfAnotherHuvudman_IsRefused_AndChangesNothing()
    {
        _data.Organisations.Single(o => (string?)o["organisationType"] == "Huvudman")["organisationNumber"] = "2120000142";

        var (result, summary) = await ImportAsync(await ReadAsync());

        Assert.Equal("Ss12000.WrongHuvudman", result.Error!.Code);
        Assert.Null(summary);
        Assert.Single(await UnitsAsync());
    }

    [Fact]
    public async Task Import_AfterChanges_RenamesMovesClosesAndTakesThePrincipalRole()
    {
        await ImportAsync(await ReadAsync());
        _unitA["displayName"] = "Östra skolan lågstadiet";
        _unitA["parentOrganisation"] = new { id = _data.Organisations.Single(o => (string?)o["organisationType"] == "Huvudman")["id"] };
        _data.Organisations.Remove(_unitB);
        _data.Duties.Single(d => (string?)d["dutyRole"] == "Rektor")["endDate"] = "2021-06-30";

        var (_, summary) = await ImportAsync(await ReadAsync());

        Assert.Equal((1, 1, 1), (summary!.Organisations.Updated, summary.Organisations.Closed, summary.Duties.Closed));
        var units = await UnitsAsync();
        var unitA = units.Single(u => u.SourceId == (string)_unitA["id"]!);
        Assert.Equal(("Östra skolan lågstadiet", units.Single(u => u.ParentId == null).Id), (unitA.Name, unitA.ParentId));
        Assert.NotNull(units.Single(u => u.SourceId == (string)_unitB["id"]!).ClosedOn);
        Assert.False(await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.OrganizerId == _organizerId && m.Role == Role.Principal)));
    }

    [Fact]
    public async Task Import_PrincipalLosesTheDuty_TheRoleGoesWithAnAuditLine_AndTheRegisterShowsTheirServices()
    {
        await ImportAsync(await ReadAsync());
        var unitA = (await UnitsAsync()).Single(u => u.SourceId == (string)_unitA["id"]!);
        await app.InUseAtAsync(unitA.Id, "rut.rektorsson@testby.example", "Quizzly");
        var rut = await app.UserIdAsync("rut.rektorsson@testby.example");
        var role = await app.StoredAsync<Membership>(m => m.UserId == rut && m.OrganizerId == _organizerId);
        const string Password = "skolans vår är ljus";
        var reviewer = $"granskare-{Guid.NewGuid():N}@testby.example";
        await app.CreateUserWithPasswordAsync(reviewer, Password, Role.CentralReviewer, _slug);
        using var client = app.NewClient();
        await client.FollowAsync(await client.SignInWithPasswordAsync(reviewer, Password));
        Assert.Empty((await client.GetPageAsync("/Register/Gaps")).QuerySelectorAll("table.people-left tbody tr"));

        _data.Duties.Single(d => (string?)d["dutyRole"] == "Rektor")["endDate"] = "2021-06-30";
        await ImportAsync(await ReadAsync());

        Assert.False(await app.IsStoredAsync<Membership>(m => m.Id == role.Id));
        var audit = await app.StoredAsync<Ensa.Audit.AuditEntry>(a => a.EntityType == nameof(Membership) && a.EntityId == role.Id.ToString() && a.Action == "Deleted");
        Assert.Equal(_organizerId, audit.OrganizerId);
        var left = EnsaClient.Text(await client.GetPageAsync("/Register/Gaps"), "table.people-left");
        Assert.Contains("Quizzly", left, StringComparison.Ordinal);
        Assert.Contains("Rut Rektorsson", left, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AllDutiesEnd_DeactivatesAndEndsSessions_ThenADutyAgainReactivates()
    {
        // An address of this test only: with no role at another organizer, the sessions end.
        var email = $"rut-{Guid.NewGuid():N}@testby.example";
        _rektor["emails"] = new List<object> { new { value = email, type = "Skola personal" } };
        await ImportAsync(await ReadAsync());
        var rut = await app.UserIdAsync(email);
        var stamp = (await app.StoredAsync<EnsaUser>(u => u.Id == rut)).SecurityStamp;
        var duty = _data.Duties.Single(d => (string?)d["dutyRole"] == "Rektor");
        duty["endDate"] = "2021-06-30";

        var (_, ended) = await ImportAsync(await ReadAsync());

        Assert.Equal(1, ended!.Persons.Closed);
        Assert.Contains(ended.Changes, c => c.What.Code == "Ss12000.Change.PersonDeactivated" && (string)c.What.Args[0] == "Rut Rektorsson");
        var suspended = await app.StoredAsync<SuspendedMembership>(m => m.UserId == rut && m.OrganizerId == _organizerId);
        Assert.Equal((Role.Principal, Ss12000Import.SyncActor), (suspended.Role, suspended.SuspendedByUserId));
        Assert.NotEqual(stamp, (await app.StoredAsync<EnsaUser>(u => u.Id == rut)).SecurityStamp);

        duty.Remove("endDate");
        var (_, back) = await ImportAsync(await ReadAsync());

        Assert.Contains(back!.Changes, c => c.What.Code == "Ss12000.Change.PersonReactivated");
        Assert.False(await app.IsStoredAsync<SuspendedMembership>(m => m.UserId == rut));
        var roles = await app.AllStoredAsync<Membership>(m => m.UserId == rut && m.OrganizerId == _organizerId);
        Assert.Equal(suspended.Id, Assert.Single(roles).Id);
    }

    [Fact]
    public async Task Import_PersonDeactivatedByTheAdmin_StaysDeactivatedWhileTheirDutyLasts()
    {
        await ImportAsync(await ReadAsync());
        var rut = await app.UserIdAsync("rut.rektorsson@testby.example");
        var deactivated = await app.WithDbAsync(async db =>
        {
            var result = await Deactivation.DeactivateAsync(db, rut, _organizerId, Guid.NewGuid(), DateTime.UtcNow);
            await db.SaveChangesAsync();
            return result;
        });
        Assert.True(deactivated.Succeeded);

        var (_, summary) = await ImportAsync(await ReadAsync());

        Assert.Contains(summary!.Skipped, k => k.Reason.Code == "Ss12000.Skip.RektorDeactivated");
        Assert.DoesNotContain(summary.Changes, c => c.What.Code == "Ss12000.Change.PersonReactivated");
        Assert.False(await app.IsStoredAsync<Membership>(m => m.UserId == rut && m.OrganizerId == _organizerId));
        Assert.True(await app.IsStoredAsync<SuspendedMembership>(m => m.UserId == rut && m.OrganizerId == _organizerId));
    }

    [Fact]
    public async Task Preview_OfALeaver_ShowsTheDeactivation_AndSavesNothing()
    {
        await ImportAsync(await ReadAsync());
        _data.Duties.Single(d => (string?)d["dutyRole"] == "Rektor")["endDate"] = "2021-06-30";

        var (_, summary) = await ImportAsync(await ReadAsync(), save: false);

        Assert.Contains(summary!.Changes, c => c.What.Code == "Ss12000.Change.PersonDeactivated");
        Assert.False(await app.IsStoredAsync<SuspendedMembership>(m => m.OrganizerId == _organizerId));
    }

    [Fact]
    public async Task Preview_SavesNothing()
    {
        var (_, summary) = await ImportAsync(await ReadAsync(), save: false);

        Assert.True(summary!.ChangesAnything);
        Assert.Single(await UnitsAsync());
    }

    [Fact]
    public async Task Import_KeepsNoCivicNoPrivateEmailOrAddressAnywhereInTheDatabase()
    {
        await ImportAsync(await ReadAsync());

        var found = await app.FindTextAsync([RektorCivicNo, RektorCivicNo.Replace("-", "", StringComparison.Ordinal), "privat@example.com", "Hemligvägen"]);

        Assert.Empty(found);
        Assert.True(await app.WithDbAsync(db => db.ImportedPersons.IgnoreQueryFilters().AnyAsync(p => p.OrganizerId == _organizerId)));
    }

    [Fact]
    public async Task CommandLine_FromFolder_PrintsTheJsonSummary_AndDryRunSavesNothing()
    {
        await using var cli = app is PostgresAppFactory ? AdminCliRunner.PostgreSql() : AdminCliRunner.Sqlite();
        var orgNumber = (string)_data.Organisations.Single(o => (string?)o["organisationType"] == "Huvudman")["organisationNumber"]!;
        Assert.Equal(0, (await cli.RunAsync("admin", "organizer", "create", "--name", "Testby kommun", "--org-number", orgNumber, "--slug", "testby",
            "--admin-email", "admin@testby.example")).ExitCode);
        var folder = Directory.CreateTempSubdirectory("ss12000-").FullName;
        await _data.WriteToAsync(folder);

        var preview = await cli.RunAsync("admin", "import", "ss12000", "--organizer", "testby", "--from", folder, "--dry-run", "--json");
        await using (var db = cli.OpenDatabase())
            Assert.Equal(1, await db.OrganisationUnits.IgnoreQueryFilters().CountAsync());
        var applied = await cli.RunAsync("admin", "import", "ss12000", "--organizer", "testby", "--from", folder, "--json");

        Assert.True(preview.ExitCode == 0, preview.Error);
        Assert.True(applied.ExitCode == 0, applied.Error);
        Assert.Equal(preview.Output, applied.Output);
        using var json = JsonDocument.Parse(applied.Output);
        var organisations = json.RootElement.GetProperty("organisations");
        // Updated: the Huvudman is linked to the organizer's top unit.
        Assert.Equal((3, 1, 0, 1), (organisations.GetProperty("created").GetInt32(), organisations.GetProperty("updated").GetInt32(),
            organisations.GetProperty("closed").GetInt32(), organisations.GetProperty("skipped").GetInt32()));
        Assert.Equal(2, json.RootElement.GetProperty("persons").GetProperty("created").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("duties").GetProperty("created").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("type").GetString() == "organisation"
            && s.GetProperty("reason").GetString() == "school unit code must be 8 digits, got 7 characters: \"1234567\"");
        await using (var db = cli.OpenDatabase())
            Assert.Equal(4, await db.OrganisationUnits.IgnoreQueryFilters().CountAsync());

        var wrong = await cli.RunAsync("admin", "import", "ss12000", "--organizer", "nobody", "--from", folder);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("nobody", wrong.Error, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class Ss12000ImportSqliteTests(EnsaAppFactory app) : Ss12000ImportTests<EnsaAppFactory>(app);

public sealed class Ss12000ImportPostgresTests(PostgresAppFactory app) : Ss12000ImportTests<PostgresAppFactory>(app);
