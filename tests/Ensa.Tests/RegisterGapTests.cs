using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The register's gaps for people who have left, and their one-click hand-over on /Register/Gaps: Sara Nilsson
/// (central department) hands over, Lisa Ekström (admin) deactivates, Karin Holm is principal of Ekbackeskolan F–3.</summary>
public abstract class RegisterGapTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Password = "ett långt lösenord 42";
    private const string Gaps = "/Register/Gaps";
    private const string Karin = "karin.holm@mittkoping.example";
    private const string Anna = "anna.lindberg@mittkoping.example";

    [Fact]
    public async Task DeactivatedRegisteransvarig_Shown_HandedOverToThePrincipal_GapGone()
    {
        app.RequireDatabase();
        var leaver = await NewPrincipalAsync();
        var id = await app.InUseAtAsync(await UnitAsync(), leaver.Email!, "Quizzly");
        await DeactivateAsync(leaver.Id);
        using var sara = await app.SignInAs(Roles.CentralReviewer);

        var row = await RowAsync(sara, id, "registeransvarig");
        Assert.Contains(leaver.DisplayName, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Inaktiverad", row.TextContent, StringComparison.Ordinal);
        // The unit's principal is proposed, and only the unit's principals are listed.
        var input = row.QuerySelector<IHtmlInputElement>("input[name='To']")!;
        Assert.Equal(Karin, input.Value);
        var listed = (await sara.GetPageAsync(Gaps)).QuerySelectorAll($"datalist#{input.GetAttribute("list")} option");
        Assert.Equal(Karin, Assert.Single(listed).GetAttribute("value"));

        var page = await sara.FollowAsync(await sara.SubmitAsync(Gaps, row.QuerySelector<IHtmlFormElement>("form")!));

        Assert.Contains("överlämnat till Karin Holm", EnsaClient.Text(page, "[role=status]"), StringComparison.Ordinal);
        var use = await app.StoredAsync<ResourceUse>(u => u.RequestId == id);
        Assert.Equal((await app.UserIdAsync(Karin), "Ulla Admin"), (use.RegisteransvarigUserId!.Value, use.AdministratorName));
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(ResourceUse) && a.EntityId == use.Id.ToString()
            && a.Action == "Modified" && a.Changes.Contains(nameof(ResourceUse.RegisteransvarigUserId))));
        Assert.Null(FindRow(page, id, "registeransvarig"));
    }

    [Fact]
    public async Task DeactivatedAdministrator_Shown_HandedOverToAnyoneHere_GapGone()
    {
        app.RequireDatabase();
        var name = $"adm-{Guid.NewGuid():N}";
        var admin = await app.CreateUserWithPasswordAsync($"{name}@mittkoping.example", Password, Role.Requester);
        var id = await app.InUseAtAsync(await UnitAsync(), Karin, "Quizzly", administrator: name);
        await DeactivateAsync(admin.Id);
        using var sara = await app.SignInAs(Roles.CentralReviewer);

        var row = await RowAsync(sara, id, "lokal systemadministratör");
        Assert.Contains(name, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Inaktiverad", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("staff", row.QuerySelector("input[name='To']")!.GetAttribute("list"));

        var page = await sara.FollowAsync(await HandOverAsync(sara, row, Anna));

        var use = await app.StoredAsync<ResourceUse>(u => u.RequestId == id);
        Assert.Equal(("Anna Lindberg", Anna, await app.UserIdAsync(Karin)), (use.AdministratorName!, use.AdministratorEmail!, use.RegisteransvarigUserId!.Value));
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(ResourceUse) && a.EntityId == use.Id.ToString()
            && a.Action == "Modified" && a.Changes.Contains(nameof(ResourceUse.AdministratorEmail))));
        Assert.Null(FindRow(page, id, "lokal systemadministratör"));
    }

    [Fact]
    public async Task DeactivatedRequesterOfOpenRequest_Shown_HandedOver_GapGone()
    {
        app.RequireDatabase();
        var requester = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        var id = await DraftByAsync(requester);
        await DeactivateAsync(requester.Id);
        using var sara = await app.SignInAs(Roles.CentralReviewer);

        var row = await RowAsync(sara, id, "beställare av en öppen begäran");
        Assert.Contains(requester.DisplayName, row.TextContent, StringComparison.Ordinal);

        var page = await sara.FollowAsync(await HandOverAsync(sara, row, Anna));

        var request = await app.WithDbAsync(db => db.ResourceRequests.IgnoreQueryFilters().Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(await app.UserIdAsync(Anna), request.RequesterId);
        Assert.Equal(RequestEventKind.HandedOver, request.Events.MaxBy(e => e.At)!.Kind);
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(ResourceRequest) && a.EntityId == id.ToString()
            && a.Action == "Modified" && a.Changes.Contains(nameof(ResourceRequest.RequesterId))));
        Assert.Null(FindRow(page, id, "beställare av en öppen begäran"));
    }

    [Fact]
    public async Task PrincipalLostTheRoleButKeptAnother_Shown_RefusedToANonPrincipal_ThenHandedOver()
    {
        app.RequireDatabase();
        var former = await NewPrincipalAsync();
        var id = await app.InUseAtAsync(await UnitAsync(), former.Email!, "Quizzly");
        var rektor = await app.StoredAsync<Membership>(m => m.UserId == former.Id && m.Role == Role.Principal);
        using (var lisa = await app.SignInAs(Roles.OrganizerAdmin))
            Assert.Equal(HttpStatusCode.Redirect, (await lisa.PostHandlerAsync($"/Admin/Users/Roles/{former.Id}", "Remove",
                new Dictionary<string, string> { ["membershipId"] = rektor.Id.ToString() })).StatusCode);
        Assert.True(await app.IsStoredAsync<Membership>(m => m.UserId == former.Id && m.Role == Role.Requester));
        using var sara = await app.SignInAs(Roles.CentralReviewer);

        var row = await RowAsync(sara, id, "registeransvarig");
        Assert.Contains("inte längre rektor", row.TextContent, StringComparison.Ordinal);

        var refused = await EnsaClient.ParseAsync(await HandOverAsync(sara, row, Anna));
        Assert.Contains("måste vara rektor för Ekbackeskolan F–3", EnsaClient.Text(refused, ".errors"), StringComparison.Ordinal);
        Assert.Equal(former.Id, (await app.StoredAsync<ResourceUse>(u => u.RequestId == id)).RegisteransvarigUserId);

        await sara.FollowAsync(await HandOverAsync(sara, row, Karin));
        Assert.Equal(await app.UserIdAsync(Karin), (await app.StoredAsync<ResourceUse>(u => u.RequestId == id)).RegisteransvarigUserId);
    }

    [Fact]
    public async Task RegisteransvarigNeverPrincipal_IsAChoiceNotAGap()
    {
        app.RequireDatabase();
        var id = await app.InUseAtAsync(await UnitAsync(), Karin, "Quizzly");
        var anna = await app.ActorAsync(Anna, Role.Requester);
        var sara = await app.ActorAsync("sara.nilsson@mittkoping.example", Role.CentralReviewer);
        await app.WithDbAsync(async db =>
        {
            var request = await db.ResourceRequests.IgnoreQueryFilters().Include(r => r.Use).SingleAsync(r => r.Id == id);
            Assert.True(request.NameResponsibles(sara, anna.UserId, "Ulla Admin", "ulla.admin@mittkoping.example", app.Clock.GetUtcNow().UtcDateTime).Succeeded);
            return await db.SaveChangesAsync();
        });
        using var client = await app.SignInAs(Roles.CentralReviewer);

        Assert.Null(FindRow(await client.GetPageAsync(Gaps), id, "registeransvarig"));
    }

    [Fact]
    public async Task PersonPage_HandoverList_LinksToGapsForTheCentralDepartmentOnly()
    {
        app.RequireDatabase();
        var requester = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        await DraftByAsync(requester);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var person = $"/Admin/Users/Roles/{requester.Id}";

        // Lisa is admin only: the gaps are named, not linked to a refusal.
        var page = await lisa.GetPageAsync(person);
        Assert.Contains("Brister i registret", page.QuerySelector("ul.handover")!.PreviousElementSibling!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href='/Register/Gaps']"));
        var both = await app.CreateUserWithPasswordAsync(Email(), Password, Role.OrganizerAdmin);
        await AddRoleAsync(both.Id, Role.CentralReviewer);
        using var reviewer = app.NewClient();
        await reviewer.FollowAsync(await reviewer.SignInWithPasswordAsync(both.Email!, Password));
        Assert.NotNull((await reviewer.GetPageAsync(person)).QuerySelector("a[href='/Register/Gaps']"));
    }

    [Theory]
    [InlineData("deactivated", "inaktiverad")]
    [InlineData("other-organizer", "Ingen med den e-postadressen")]
    [InlineData("unknown", "Ingen med den e-postadressen")]
    [InlineData("", "måste fyllas i")]
    [InlineData("not-an-address", "giltig e-postadress")]
    [InlineData("too-long", "högst 320 tecken")]
    public async Task HandOver_BadSuccessor_RefusedWithReasonAndNothingChanged(string successor, string message)
    {
        app.RequireDatabase();
        var requester = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        var id = await DraftByAsync(requester);
        await DeactivateAsync(requester.Id);
        var to = successor switch
        {
            "deactivated" => await DeactivatedEmailAsync(),
            "other-organizer" => (await app.CreateUserWithPasswordAsync($"norr-{Guid.NewGuid():N}@larandenorr.example", Password, Role.Requester,
                Demo.DemoData.LarandeNorrSlug)).Email!,
            "unknown" => Email(),
            "too-long" => new string('a', 320) + "@mittkoping.example",
            _ => successor,
        };
        using var sara = await app.SignInAs(Roles.CentralReviewer);

        var response = await HandOverAsync(sara, await RowAsync(sara, id, "beställare av en öppen begäran"), to);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);
        Assert.Equal(requester.Id, (await app.StoredAsync<ResourceRequest>(r => r.Id == id)).RequesterId);
    }

    [Theory]
    [InlineData(Roles.Requester)]
    [InlineData(Roles.Principal)]
    [InlineData(Roles.OrganizerAdmin)]
    public async Task HandOver_NotCentralDepartment_RefusedAndNothingChanged(string role)
    {
        app.RequireDatabase();
        var requester = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        var id = await DraftByAsync(requester);
        await DeactivateAsync(requester.Id);
        using var client = await app.SignInAs(role);

        var response = await client.PostWithoutTokenAsync($"{Gaps}?handler=HandOver", Fields(id, Anna));

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(requester.Id, (await app.StoredAsync<ResourceRequest>(r => r.Id == id)).RequesterId);
    }

    [Fact]
    public async Task HandOver_SecurityCoordinator_SeesTheGapButNoForm_AndAForgedPostIsRefused()
    {
        app.RequireDatabase();
        var requester = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        var id = await DraftByAsync(requester);
        await DeactivateAsync(requester.Id);
        using var ahmed = await app.SignInAs(Roles.SecurityCoordinator);

        Assert.Null((await RowAsync(ahmed, id, "beställare av en öppen begäran")).QuerySelector("form"));
        var response = await ahmed.PostHandlerAsync(Gaps, "HandOver", Fields(id, Anna));

        Assert.Contains("förvaltningens granskare", EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);
        Assert.Equal(requester.Id, (await app.StoredAsync<ResourceRequest>(r => r.Id == id)).RequesterId);
    }

    [Fact]
    public async Task HandOver_OtherOrganizersRequest_NotFoundAndNothingChanged()
    {
        app.RequireDatabase();
        var requester = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        var id = await DraftByAsync(requester);
        await DeactivateAsync(requester.Id);
        // Fredrik reviews at Lärande Norr, so he reaches its gaps page: Mittköping's request is not there.
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");

        var response = await fredrik.PostHandlerAsync(Gaps, "HandOver", Fields(id, Anna));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(requester.Id, (await app.StoredAsync<ResourceRequest>(r => r.Id == id)).RequesterId);
    }

    private static Dictionary<string, string> Fields(Guid id, string to) => new()
    {
        ["RequestId"] = id.ToString(), ["Kind"] = nameof(Ensa.Register.HandoverKind.Requester), ["To"] = to,
    };

    private static string Email() => $"gap-{Guid.NewGuid():N}@mittkoping.example";

    private Task<Guid> UnitAsync() => app.SchoolUnitIdAsync(RequestScenarios.Unit);

    /// <summary>A new person who is principal of Ekbackeskolan F–3 and requester too.</summary>
    private async Task<EnsaUser> NewPrincipalAsync()
    {
        var user = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        var unit = await UnitAsync();
        await app.WithDbAsync(async db =>
        {
            var organizer = await db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.Id == unit).Select(u => u.OrganizerId).SingleAsync();
            db.Memberships.Add(new Membership(user.Id, organizer, Role.Principal, unit, app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        return user;
    }

    private Task<int> AddRoleAsync(Guid userId, Role role) => app.WithDbAsync(async db =>
    {
        var organizer = await db.Organizers.SingleAsync(o => o.Slug == Demo.DemoData.MittkopingSlug);
        db.Memberships.Add(new Membership(userId, organizer.Id, role, null, app.Clock.GetUtcNow().UtcDateTime));
        return await db.SaveChangesAsync();
    });

    private async Task<string> DeactivatedEmailAsync()
    {
        var user = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        await DeactivateAsync(user.Id);
        return user.Email!;
    }

    private async Task DeactivateAsync(Guid userId)
    {
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await lisa.PostHandlerAsync($"/Admin/Users/Roles/{userId}", "Deactivate")).StatusCode);
    }

    private Task<Guid> DraftByAsync(EnsaUser requester) => app.WithDbAsync(async db =>
    {
        var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == RequestScenarios.Unit);
        var actor = new Actor(requester.Id, requester.DisplayName, new HashSet<Role> { Role.Requester }, new HashSet<Guid>());
        var request = ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, actor,
            new RequestDetails { ProposedName = "Kvarlämnad resurs", ProposedSupplier = "Okänd", Need = "Behov." }, app.Clock.GetUtcNow().UtcDateTime);
        db.ResourceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    private static Task<HttpResponseMessage> HandOverAsync(EnsaClient client, IElement row, string to) =>
        client.SubmitAsync(Gaps, row.QuerySelector<IHtmlFormElement>("form")!, new Dictionary<string, string> { ["To"] = to });

    private static async Task<IElement> RowAsync(EnsaClient client, Guid id, string kind) =>
        FindRow(await client.GetPageAsync(Gaps), id, kind) ?? throw new InvalidOperationException($"No {kind} gap for request {id}.");

    private static IElement? FindRow(IDocument page, Guid id, string kind) =>
        page.QuerySelectorAll("table.people-left tbody tr").SingleOrDefault(r =>
            r.QuerySelector($"a[href='/Requests/{id}']") is not null && r.Children[2].TextContent.Trim() == kind);
}

public sealed class RegisterGapSqliteTests(EnsaAppFactory app) : RegisterGapTests<EnsaAppFactory>(app);

public sealed class RegisterGapPostgresTests(PostgresAppFactory app) : RegisterGapTests<PostgresAppFactory>(app);
