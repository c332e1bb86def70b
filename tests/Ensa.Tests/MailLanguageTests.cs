using System.Net;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>The language of Ensa's e-mail: the account's (its user's last choice, Swedish until then), or Swedish with
/// English below for an address without an account.</summary>
public sealed class MailLanguageTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "ett långt och hemligt lösenord";

    private Task<string> LastMailToAsync(string email) => app.WithDbAsync(db =>
        db.OutboxMessages.Where(m => m.To == email).OrderByDescending(m => m.CreatedAt).Select(m => m.TextBody).FirstAsync());

    private static async Task RequestResetAsync(string email, EnsaClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync("/Account/ForgotPassword", "main form",
            new Dictionary<string, string> { ["Email"] = email })).StatusCode);

    [Fact]
    public async Task ChooseLanguage_SignedIn_KeptOnTheAccountShownAndItsMailIsInThatLanguageOnly()
    {
        const string email = "english.reader@mittkoping.example";
        await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInWithPasswordAsync(email, Password)).StatusCode);
        Assert.Contains("svenska", EnsaClient.Text(await client.GetPageAsync("/Account/TwoFactor"), ".mail-language"), StringComparison.Ordinal);

        var chosen = await client.SubmitAsync("/Account/TwoFactor", "form.language", new Dictionary<string, string> { ["culture"] = "en" });

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("en", await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync()));
        Assert.Contains("Language of e-mail from Ensa: English", EnsaClient.Text(await client.GetPageAsync("/Account/TwoFactor"), ".mail-language"),
            StringComparison.Ordinal);
        await RequestResetAsync(email, app.NewClient());
        var body = await LastMailToAsync(email);
        Assert.Contains("Someone (hopefully you) asked for a new password", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hej", body, StringComparison.Ordinal);
    }

    private async Task<EnsaUser> EnglishUserAsync(string email)
    {
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, "en")));
        return user;
    }

    [Fact]
    public async Task SignIn_AccountInEnglish_FreshClientSeesEnglish()
    {
        const string email = "english.signin@mittkoping.example";
        await EnglishUserAsync(email);
        using var client = app.NewClient();
        Assert.Equal("sv", (await client.GetPageAsync("/Account/Login")).DocumentElement.GetAttribute("lang"));

        var start = await client.FollowAsync(await client.SignInWithPasswordAsync(email, Password));

        Assert.Equal("en", start.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Welcome,", start.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AccountInEnglishWithTwoFactor_EnglishAfterTheCode()
    {
        const string email = "english.totp@mittkoping.example";
        var user = await EnglishUserAsync(email);
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EnsaUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            await users.SetTwoFactorEnabledAsync(stored, true);
            key = (await users.GetAuthenticatorKeyAsync(stored))!;
        }
        using var client = app.NewClient();

        var asked = await client.SignInWithPasswordAsync(email, Password);
        Assert.StartsWith("/Account/LoginWith2fa", asked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(asked.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("Culture", StringComparison.Ordinal));
        var start = await client.FollowAsync(await client.SubmitAsync(asked.Headers.Location.OriginalString, "main form",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));

        Assert.Equal("en", start.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Welcome,", start.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_AccountThatNeverChose_IsSwedishOnly()
    {
        const string email = "swedish.reader@mittkoping.example";
        await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);

        await RequestResetAsync(email, app.NewClient());

        var body = await LastMailToAsync(email);
        Assert.StartsWith("Hej Test swedish.reader!", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_AddressWithoutAccount_IsSwedishWithEnglishBelow()
    {
        const string email = "no.account.yet@mittkoping.example";
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Admin/Users/Invite", "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Ny Läsare", ["Role.Role"] = "Requester", ["Role.UnitId"] = "",
        })).StatusCode);

        var body = await LastMailToAsync(email);
        var (swedish, english) = (body.IndexOf("Hej Ny Läsare!", StringComparison.Ordinal), body.IndexOf("Hello Ny Läsare,", StringComparison.Ordinal));
        Assert.True(swedish == 0 && english > swedish, body);
    }
}
