using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Audit;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>An admin resets a person's two-factor (a lost phone): the organizer admin on the person's page, the platform
/// admin for any account on /Platform/Users.</summary>
public abstract class TwoFactorResetTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Password = "ett långt lösenord 42";
    private const string Form = "#two-factor-reset form";

    private static string PersonPage(Guid id) => $"/Admin/Users/Roles/{id}";

    private static string Email() => $"reset-{Guid.NewGuid():N}@mittkoping.example";

    /// <summary>A person at Mittköping with TOTP and recovery codes, writing in <paramref name="language"/>.</summary>
    private async Task<(EnsaUser User, string Key)> PersonWithTotpAsync(string email, string language = EnsaUser.DefaultLanguage)
    {
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(user.Id))!.Language = language;
            return await db.SaveChangesAsync();
        });
        return (user, await app.EnableTotpAsync(user.Id));
    }

    private async Task<(bool Enabled, int RecoveryCodes, string? Key, string? Stamp)> TwoFactorOfAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnsaUser>>();
        var user = (await users.FindByIdAsync(userId.ToString()))!;
        return (user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user), await users.GetAuthenticatorKeyAsync(user), user.SecurityStamp);
    }

    [Fact]
    public async Task Reset_OrganizerAdmin_TotpOffCodesGoneSessionEndedMailedInTheirLanguageAudited()
    {
        app.RequireDatabase();
        var email = Email();
        var (user, key) = await PersonWithTotpAsync(email, language: "en");
        using var person = await app.SignInWithTotpAsync(email, Password, key);
        Assert.Equal(HttpStatusCode.OK, (await person.Http.GetAsync("/Requests")).StatusCode);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var page = await lisa.GetPageAsync(PersonPage(user.Id));
        Assert.Empty(page.QuerySelectorAll(Form));

        var response = await lisa.SubmitAsync(PersonPage(user.Id) + "?resetTwoFactor=true", Form);

        Assert.Contains("återställd", EnsaClient.Text(await lisa.FollowAsync(response), "main"), StringComparison.Ordinal);
        var (enabled, codes, newKey, _) = await TwoFactorOfAsync(user.Id);
        Assert.False(enabled);
        Assert.Equal(0, codes);
        Assert.NotEqual(key, newKey);
        var old = await person.Http.GetAsync("/Requests");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.StartsWith("/Account/Login", old.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var mail = Assert.Single(await app.MailToAsync(email));
        Assert.Equal("Ensa: Your two-factor sign-in has been reset", mail.Subject);
        Assert.Contains("Lisa Ekström", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(EnsaAppFactory.PublicUrl + "/Account/TwoFactor", mail.TextBody, StringComparison.Ordinal);
        var lisaId = await app.UserIdAsync("lisa.ekstrom@mittkoping.example");
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(EnsaUser) && a.EntityId == user.Id.ToString()
            && a.ActorUserId == lisaId && a.Changes.Contains(nameof(EnsaUser.TwoFactorEnabled))));
        // Without two-factor there is nothing left to reset here.
        Assert.Null((await lisa.GetPageAsync(PersonPage(user.Id))).QuerySelector("#two-factor-reset"));
    }

    [Fact]
    public async Task Reset_PlatformAdmin_FindsAnyAccountByEmailAndResetsInSwedish()
    {
        app.RequireDatabase();
        var email = Email();
        var (user, _) = await PersonWithTotpAsync(email);
        using var nora = await app.SignInAs(Roles.PlatformAdmin);

        var found = await nora.Http.GetAsync($"/Platform/Users?email={Uri.EscapeDataString(email.ToUpperInvariant())}");
        Assert.Equal($"/Platform/Users/{user.Id}", found.Headers.Location!.OriginalString);
        var response = await nora.SubmitAsync($"/Platform/Users/{user.Id}?resetTwoFactor=true", Form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False((await TwoFactorOfAsync(user.Id)).Enabled);
        Assert.Equal("Ensa: Din tvåstegsverifiering har återställts", Assert.Single(await app.MailToAsync(email)).Subject);
        Assert.Contains("Tvåstegsverifiering är inte påslagen", EnsaClient.Text(await nora.FollowAsync(response), "main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_PlatformAdmin_UnknownAddress_SaysSo()
    {
        app.RequireDatabase();
        using var nora = await app.SignInAs(Roles.PlatformAdmin);

        var page = await nora.GetPageAsync("/Platform/Users?email=ingen%40mittkoping.example");

        Assert.Contains("Inget konto har adressen ingen@mittkoping.example", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await nora.Http.GetAsync($"/Platform/Users/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Reset_WrongRole_AccessDeniedAndUnchanged()
    {
        app.RequireDatabase();
        var (user, _) = await PersonWithTotpAsync(Email());
        var before = await TwoFactorOfAsync(user.Id);
        using var anna = await app.SignInAs(Roles.Requester);

        AssertAccessDenied(await PostWithOwnTokenAsync(anna, PersonPage(user.Id) + "?handler=ResetTwoFactor"));
        AssertAccessDenied(await PostWithOwnTokenAsync(anna, $"/Platform/Users/{user.Id}?handler=ResetTwoFactor"));
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        AssertAccessDenied(await lisa.Http.GetAsync($"/Platform/Users/{user.Id}"));

        Assert.Equal(before, await TwoFactorOfAsync(user.Id));
    }

    [Fact]
    public async Task Reset_OtherOrganizersPerson_NotFoundAndUnchanged()
    {
        app.RequireDatabase();
        var email = Email();
        var (user, _) = await PersonWithTotpAsync(email);
        var before = await TwoFactorOfAsync(user.Id);
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");

        Assert.Equal(HttpStatusCode.NotFound, (await fredrik.Http.GetAsync(PersonPage(user.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostWithOwnTokenAsync(fredrik, PersonPage(user.Id) + "?handler=ResetTwoFactor")).StatusCode);

        Assert.Equal(before, await TwoFactorOfAsync(user.Id));
        Assert.Empty(await app.MailToAsync(email));
    }

    [Fact]
    public async Task Reset_PersonWithoutTwoFactor_RefusedWithMessageAndUnchanged()
    {
        app.RequireDatabase();
        var email = Email();
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        var before = await TwoFactorOfAsync(user.Id);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        Assert.Null((await lisa.GetPageAsync(PersonPage(user.Id) + "?resetTwoFactor=true")).QuerySelector("#two-factor-reset"));

        var response = await lisa.PostHandlerAsync(PersonPage(user.Id), "ResetTwoFactor");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("inget att återställa", EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);
        Assert.Equal(before, await TwoFactorOfAsync(user.Id));
        Assert.Empty(await app.MailToAsync(email));
    }

    [Fact]
    public async Task Reset_WithoutAntiforgeryToken_RefusedAndUnchanged()
    {
        app.RequireDatabase();
        var email = Email();
        var (user, _) = await PersonWithTotpAsync(email);
        var before = await TwoFactorOfAsync(user.Id);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        using var nora = await app.SignInAs(Roles.PlatformAdmin);

        Assert.Equal(HttpStatusCode.BadRequest, (await lisa.PostWithoutTokenAsync(PersonPage(user.Id) + "?handler=ResetTwoFactor", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await nora.PostWithoutTokenAsync($"/Platform/Users/{user.Id}?handler=ResetTwoFactor", new Dictionary<string, string>())).StatusCode);

        Assert.Equal(before, await TwoFactorOfAsync(user.Id));
        Assert.Empty(await app.MailToAsync(email));
    }

    private static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>Posts to a page the client may not open, with the client's own valid antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostWithOwnTokenAsync(EnsaClient client, string url)
    {
        var token = (await client.GetPageAsync("/Account/TwoFactor")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }
}

public sealed class TwoFactorResetSqliteTests(EnsaAppFactory app) : TwoFactorResetTests<EnsaAppFactory>(app);

public sealed class TwoFactorResetPostgresTests(PostgresAppFactory app) : TwoFactorResetTests<PostgresAppFactory>(app);
