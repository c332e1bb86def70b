using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Audit;
using Ensa.Common;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Requests;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>People who leave: the organizer admin deactivates and reactivates a person on /Admin/Users.</summary>
public abstract class LeaverTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Password = "ett långt lösenord 42";

    private static string PersonPage(Guid id) => $"/Admin/Users/Roles/{id}";

    [Fact]
    public async Task Deactivate_OnlyOrganizer_RolesSuspendedSessionEndedSignInRefused_ReactivateRestores()
    {
        app.RequireDatabase();
        var email = Email();
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var leaver = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await leaver.SignInWithPasswordAsync(email, Password)).StatusCode);
        await leaver.GetPageAsync("/Requests");
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);

        var response = await lisa.PostHandlerAsync(PersonPage(user.Id), "Deactivate");

        var page = await lisa.FollowAsync(response);
        Assert.Contains("Inaktiverad sedan", EnsaClient.Text(page, "h2"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<Membership>(m => m.UserId == user.Id));
        Assert.Equal(Role.Requester, (await app.StoredAsync<SuspendedMembership>(m => m.UserId == user.Id)).Role);
        var suspendedId = (await app.StoredAsync<SuspendedMembership>(m => m.UserId == user.Id)).Id.ToString();
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(SuspendedMembership) && a.EntityId == suspendedId));
        // The session ended at once, and a new sign-in is refused like a wrong password.
        var old = await leaver.Http.GetAsync("/Requests");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.StartsWith("/Account/Login", old.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var again = app.NewClient();
        var refused = await again.SignInWithPasswordAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty(EnsaClient.Text(await EnsaClient.ParseAsync(refused), ".errors"));
        var list = await lisa.GetPageAsync("/Admin/Users");
        Assert.Contains(email, EnsaClient.Text(list, "table#deactivated"), StringComparison.Ordinal);

        var restored = await lisa.PostHandlerAsync(PersonPage(user.Id), "Reactivate");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(Role.Requester, (await app.StoredAsync<Membership>(m => m.UserId == user.Id)).Role);
        Assert.False(await app.IsStoredAsync<SuspendedMembership>(m => m.UserId == user.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInWithPasswordAsync(email, Password)).StatusCode);
        await again.GetPageAsync("/Requests");
    }

    [Fact]
    public async Task Deactivate_RoleAtAnotherOrganizer_OnlyThisOrganizersRolesSuspendedAndSignInStillWorks()
    {
        app.RequireDatabase();
        var email = Email();
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        await AddRoleAsync(user.Id, DemoData.LarandeNorrSlug, Role.CentralReviewer);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);

        Assert.Equal(HttpStatusCode.Redirect, (await lisa.PostHandlerAsync(PersonPage(user.Id), "Deactivate")).StatusCode);

        var left = await app.WithDbAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id).ToListAsync());
        Assert.Equal(Role.CentralReviewer, Assert.Single(left).Role);
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInWithPasswordAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task Deactivate_OtherOrganizersAdmin_NotFoundAndNothingChanged()
    {
        app.RequireDatabase();
        var user = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");

        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync(PersonPage(user.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostWithOwnTokenAsync(fredrik, PersonPage(user.Id) + "?handler=Deactivate")).StatusCode);

        Assert.True(await app.IsStoredAsync<Membership>(m => m.UserId == user.Id));
        Assert.False(await app.IsStoredAsync<SuspendedMembership>(m => m.UserId == user.Id));
    }

    [Fact]
    public async Task Deactivate_Themselves_RefusedAndNothingChanged()
    {
        app.RequireDatabase();
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var lisaId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "lisa.ekstrom@mittkoping.example").Select(u => u.Id).SingleAsync());

        var response = await lisa.PostHandlerAsync(PersonPage(lisaId), "Deactivate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dig själv", EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<SuspendedMembership>(m => m.UserId == lisaId));
    }

    [Fact]
    public async Task Deactivate_NotOrganizerAdmin_Refused()
    {
        app.RequireDatabase();
        var user = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        using var sara = await app.SignInAs(Roles.CentralReviewer);

        var response = await sara.Http.GetAsync(PersonPage(user.Id));

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<SuspendedMembership>(m => m.UserId == user.Id));
    }

    [Fact]
    public async Task PersonPage_OpenRequestAndUse_ListedForHandover()
    {
        app.RequireDatabase();
        var email = Email();
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        await app.WithDbAsync(async db =>
        {
            var unit = await db.OrganisationUnits.IgnoreQueryFilters().SingleAsync(u => u.Name == RequestScenarios.Unit);
            var actor = new Actor(user.Id, user.DisplayName, new HashSet<Role> { Role.Requester }, new HashSet<Guid>());
            db.ResourceRequests.Add(ResourceRequest.CreateDraft(unit.OrganizerId, unit.Id, actor,
                new RequestDetails { ProposedName = "Lämnad resurs", ProposedSupplier = "Okänd", Need = "Behov." }, app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);

        var page = await lisa.GetPageAsync(PersonPage(user.Id));

        Assert.Contains("Lämnad resurs", EnsaClient.Text(page, "ul.handover"), StringComparison.Ordinal);
        Assert.Contains("beställare", EnsaClient.Text(page, "ul.handover"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveRole_LastOne_LandsOnTheListNotANotFound()
    {
        app.RequireDatabase();
        var user = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        var membership = await app.StoredAsync<Membership>(m => m.UserId == user.Id);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);

        var response = await lisa.PostHandlerAsync(PersonPage(user.Id), "Remove", new Dictionary<string, string> { ["membershipId"] = membership.Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Users", response.Headers.Location!.OriginalString);
        await lisa.FollowAsync(response);
        Assert.False(await app.IsStoredAsync<Membership>(m => m.UserId == user.Id));
    }

    private static string Email() => $"leaver-{Guid.NewGuid():N}@mittkoping.example";

    private Task<int> AddRoleAsync(Guid userId, string slug, Role role) => app.WithDbAsync(async db =>
    {
        var organizer = await db.Organizers.SingleAsync(o => o.Slug == slug);
        db.Memberships.Add(new Membership(userId, organizer.Id, role, null, app.Clock.GetUtcNow().UtcDateTime));
        return await db.SaveChangesAsync();
    });

    /// <summary>Posts to a page the client cannot open, with the client's own valid antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostWithOwnTokenAsync(EnsaClient client, string url)
    {
        var token = (await client.GetPageAsync("/Admin/Users/Invite")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }
}

public sealed class LeaverSqliteTests(EnsaAppFactory app) : LeaverTests<EnsaAppFactory>(app);

public sealed class LeaverPostgresTests(PostgresAppFactory app) : LeaverTests<PostgresAppFactory>(app);
