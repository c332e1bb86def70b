using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Common;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

/// <summary>The platform admin creates, deactivates and reactivates organizers on /Platform/Organizers.</summary>
public abstract class OrganizerAdminTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Page = "/Platform/Organizers";

    [Fact]
    public async Task NewOrganizer_PlatformAdmin_CreatedListedAndAdminInvited()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var (slug, number) = Unique();
        var response = await CreateAsync(nora, slug, number, new() { ["Input.DpoName"] = "Dora Dataskydd", ["Input.DpoEmail"] = "dpo@" + slug + ".example" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await nora.GetPageAsync(Page);
        Assert.Contains($"Ny kommun {slug}", EnsaClient.Text(list, "table"), StringComparison.Ordinal);
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == slug);
        Assert.Equal("dpo@" + slug + ".example", organizer.DataProtectionOfficerEmail);
        Assert.Equal(OrganizerKind.Region, organizer.Kind);
        Assert.Single(await app.MailToAsync($"admin@{slug}.example"));
    }

    [Fact]
    public async Task NewOrganizer_BadCheckDigit_RefusedAndNothingStored()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var (slug, number) = Unique();
        var wrong = number[..^1] + (char)('0' + (number[^1] - '0' + 1) % 10);
        var page = await EnsaClient.ParseAsync(await CreateAsync(nora, slug, wrong));

        Assert.Contains("rätt kontrollsiffra", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<Organizer>(o => o.Slug == slug));
        Assert.Empty(await app.MailToAsync($"admin@{slug}.example"));
    }

    [Fact]
    public async Task NewOrganizer_TooLongName_SaysTheLimit()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var (slug, number) = Unique();
        var page = await EnsaClient.ParseAsync(await CreateAsync(nora, slug, number, new() { ["Input.Name"] = new string('x', 201) }));

        Assert.Contains("högst 200 tecken", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<Organizer>(o => o.Slug == slug));
    }

    [Theory]
    [InlineData(Roles.OrganizerAdmin)]
    [InlineData(Roles.CentralReviewer)]
    public async Task OrganizersPage_NotPlatformAdmin_Refused(string role)
    {
        app.RequireDatabase();
        using var client = await app.SignInAs(role);
        var response = await client.Http.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_AfterConfirmation_PublicListGoneStaffLockedOutNothingDeleted_ThenReactivated()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var (slug, number) = Unique();
        await CreateAsync(nora, slug, number);
        var organizer = await app.StoredAsync<Organizer>(o => o.Slug == slug);
        var email = $"granskare@{slug}.example";
        var user = await app.CreateUserWithPasswordAsync(email, "ett långt lösenord här", Role.CentralReviewer, slug);
        await app.WithDbAsync(async db =>
        {
            // Also a requester at Mittköping, working at the new organizer: after deactivation only Mittköping is left.
            var mittkoping = await db.Organizers.SingleAsync(o => o.Slug == DemoData.MittkopingSlug);
            db.Memberships.Add(new Membership(user.Id, mittkoping.Id, Role.Requester, null, app.Clock.GetUtcNow().UtcDateTime));
            (await db.Users.SingleAsync(u => u.Id == user.Id)).LastOrganizerId = organizer.Id;
            return await db.SaveChangesAsync();
        });
        using var staff = app.NewClient();
        await staff.SignInWithPasswordAsync(email, "ett långt lösenord här");
        using var visitor = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync($"/public/{slug}/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/Review")).StatusCode);
        Assert.Contains($"Ny kommun {slug}", (await staff.GetPageAsync("/")).Body!.TextContent, StringComparison.Ordinal);

        // The list's link only asks; the confirmation's button deactivates.
        var confirm = await nora.GetPageAsync($"{Page}?deactivate={organizer.Id}");
        Assert.Contains("Ingenting tas bort", EnsaClient.Text(confirm, ".confirm"), StringComparison.Ordinal);
        Assert.True((await app.StoredAsync<Organizer>(o => o.Id == organizer.Id)).IsActive);
        Assert.Equal(HttpStatusCode.Redirect, (await nora.SubmitAsync($"{Page}?deactivate={organizer.Id}", ".confirm form")).StatusCode);

        Assert.False((await app.StoredAsync<Organizer>(o => o.Id == organizer.Id)).IsActive);
        Assert.True(await app.IsStoredAsync<OrganisationUnit>(u => u.OrganizerId == organizer.Id));
        foreach (var url in new[] { $"/public/{slug}/resources", $"/public/{slug}/apps", $"/public/{slug}/resources.json", $"/public/{slug}/resources.csv" })
            Assert.Equal(HttpStatusCode.Gone, (await visitor.Http.GetAsync(url)).StatusCode);
        var refused = await staff.Http.GetAsync("/Review");
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain($"Ny kommun {slug}", (await staff.GetPageAsync("/")).Body!.TextContent, StringComparison.Ordinal);

        var list = await nora.GetPageAsync(Page);
        var reactivate = list.QuerySelectorAll<IHtmlFormElement>("form[action*=Reactivate]")
            .Single(f => f.QuerySelector<IHtmlInputElement>("input[name=id]")!.Value == organizer.Id.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await nora.SubmitAsync(Page, reactivate)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync($"/public/{slug}/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/Review")).StatusCode);
    }

    [Fact]
    public async Task Deactivate_AlreadyInactive_RefusedWithReason()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var (slug, number) = Unique();
        await CreateAsync(nora, slug, number);
        var id = (await app.StoredAsync<Organizer>(o => o.Slug == slug)).Id.ToString();
        await nora.PostHandlerAsync(Page, "Deactivate", new Dictionary<string, string> { ["id"] = id });

        var again = await EnsaClient.ParseAsync(await nora.PostHandlerAsync(Page, "Deactivate", new Dictionary<string, string> { ["id"] = id }));
        Assert.Contains("är redan avaktiverad", EnsaClient.Text(again, ".errors"), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> CreateAsync(EnsaClient client, string slug, string number, Dictionary<string, string>? extra = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = $"Ny kommun {slug}",
            ["Input.OrganisationNumber"] = number,
            ["Input.Slug"] = slug,
            ["Input.Kind"] = nameof(OrganizerKind.Region),
            ["Input.ControllerName"] = "Utbildningsnämnden",
            ["Input.AdminName"] = "Alva Admin",
            ["Input.AdminEmail"] = $"admin@{slug}.example",
        };
        foreach (var (k, v) in extra ?? []) values[k] = v;
        return client.SubmitAsync(Page, "form#new-organizer", values);
    }

    /// <summary>A free short name and a valid organisation number (Luhn check digit) for a new organizer.</summary>
    private static (string Slug, string Number) Unique()
    {
        var body = "21" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var digits = body + Luhn.CheckDigit(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ("ny-" + Guid.NewGuid().ToString("N")[..8], $"{digits[..6]}-{digits[6..]}");
    }
}

public sealed class OrganizerAdminSqliteTests(EnsaAppFactory app) : OrganizerAdminTests<EnsaAppFactory>(app);

public sealed class OrganizerAdminPostgresTests(PostgresAppFactory app) : OrganizerAdminTests<PostgresAppFactory>(app);
