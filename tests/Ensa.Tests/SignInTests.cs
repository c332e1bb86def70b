using System.Net;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Tests;

public sealed class SignInTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "en lång fras som lösenord";

    [Fact]
    public async Task StartPage_Anonymous_RedirectsToLogin()
    {
        using var client = app.NewClient();
        var response = await client.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_Correct_SignsInToStartPage()
    {
        await app.CreateUserWithPasswordAsync("correct@mittkoping.example", Password, Role.Requester);
        using var client = app.NewClient();
        var page = await client.FollowAsync(await client.SignInWithPasswordAsync("correct@mittkoping.example", Password));
        Assert.Contains("Välkommen, Test correct", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mittköpings kommun", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_Wrong_ShowsErrorAndStaysSignedOut()
    {
        await app.CreateUserWithPasswordAsync("wrong@mittkoping.example", Password, Role.Requester);
        using var client = app.NewClient();
        var response = await client.SignInWithPasswordAsync("wrong@mittkoping.example", "inte rätt lösenord alls");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await EnsaClient.ParseAsync(response);
        Assert.Contains("Fel e-postadress eller lösenord.", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Password_Empty_ShowsHowToFix()
    {
        using var client = app.NewClient();
        var response = await client.SignInWithPasswordAsync("", "");
        var page = await EnsaClient.ParseAsync(response);
        Assert.Contains("E-postadress måste fyllas i.", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_FiveWrongAttempts_LocksTheAccountWithTheSameAnswerAsAnUnknownAddress()
    {
        await app.CreateUserWithPasswordAsync("locked@mittkoping.example", Password, Role.Requester);
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++) await client.SignInWithPasswordAsync("locked@mittkoping.example", "fel fel fel fel fel");
        var response = await client.SignInWithPasswordAsync("locked@mittkoping.example", Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the right password no longer signs in
        var locked = EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors");
        Assert.Contains("spärras kontot i 15 minuter", locked, StringComparison.Ordinal);
        // Nothing tells a locked account from one that does not exist.
        var unknown = EnsaClient.Text(await EnsaClient.ParseAsync(await client.SignInWithPasswordAsync("finns.inte@mittkoping.example", Password)), ".errors");
        Assert.Equal(unknown, locked);
    }

    [Fact]
    public async Task TwoFactor_Enabled_SignInAsksForTheAuthenticatorCode()
    {
        await app.CreateUserWithPasswordAsync("totp@mittkoping.example", Password, Role.Requester);
        using var client = app.NewClient();
        await client.FollowAsync(await client.SignInWithPasswordAsync("totp@mittkoping.example", Password));

        var setup = await client.GetPageAsync("/Account/TwoFactor");
        var key = setup.QuerySelector(".key")!.TextContent;
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector(".qr img")!.GetAttribute("src"), StringComparison.Ordinal);
        var wrong = await EnsaClient.ParseAsync(await client.SubmitAsync("/Account/TwoFactor", "form[action*=Enable]",
            new Dictionary<string, string> { ["Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" }));
        Assert.Contains("Koden stämmer inte", EnsaClient.Text(wrong, ".error"), StringComparison.Ordinal);
        var enabled = await EnsaClient.ParseAsync(await client.SubmitAsync("/Account/TwoFactor", "form[action*=Enable]",
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        Assert.Equal(10, enabled.QuerySelectorAll(".codes li").Length);
        Assert.Contains("påslagen", enabled.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var second = app.NewClient();
        var response = await second.SignInWithPasswordAsync("totp@mittkoping.example", Password);
        Assert.StartsWith("/Account/LoginWith2fa", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Http.GetAsync("/")).StatusCode);
        var signedIn = await second.FollowAsync(await second.SubmitAsync(response.Headers.Location.OriginalString, "main form",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        Assert.Contains("Välkommen", signedIn.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_Post_SignsOut()
    {
        using var client = await app.SignInAs(Roles.Requester);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        await client.SubmitAsync("/Account/Logout", "main form");
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/")).StatusCode);
    }
}

public sealed class DemoModeOffTests(ProductionLikeAppFactory app) : IClassFixture<ProductionLikeAppFactory>
{
    [Fact]
    public async Task DemoSignIn_DemoModeOff_IsNotOffered()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/Account/Login");
        Assert.Empty(page.QuerySelectorAll(".demo-accounts"));
        var response = await client.SubmitAsync("/Account/Login", "main form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the password form, with validation errors
        var demo = await client.Http.PostAsync("/Account/Login?handler=Demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "lisa.ekstrom@mittkoping.example",
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.NotFound, demo.StatusCode);
    }

    [Fact]
    public async Task Start_WithoutDemoData_ShipsThePlaceholderAgreementText()
    {
        var templates = await app.WithDbAsync(db => db.AgreementTemplates.Select(t => new { t.Version, t.IsPlaceholder }).ToListAsync());
        Assert.Equal(1, Assert.Single(templates).Version);
        Assert.True(templates[0].IsPlaceholder);
        Assert.False(await app.WithDbAsync(db => db.Organizers.AnyAsync()));
    }
}
