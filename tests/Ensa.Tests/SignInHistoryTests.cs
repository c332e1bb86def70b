using System.Net;
using Ensa.Identity;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>Every successful sign-in is recorded and shown on the user's security page, with "sign out everywhere".</summary>
public abstract class SignInHistoryTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Password = "ett långt lösenord 42";

    [Fact]
    public async Task SignIn_PasswordThenTwoFactorThenRecoveryCode_EachRecordedAndShown()
    {
        app.RequireDatabase();
        var email = $"history-{Guid.NewGuid():N}@mittkoping.example";
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var client = app.NewClient();
        await client.FollowAsync(await client.SignInWithPasswordAsync(email, Password));
        var (key, response) = await client.SetUpTwoFactorAsync();
        var enabled = await EnsaClient.ParseAsync(response);
        var recoveryCode = enabled.QuerySelector(".codes li")!.TextContent.Trim();

        using var second = app.NewClient();
        var asked = await second.SignInWithPasswordAsync(email, Password);
        await second.FollowAsync(await second.SubmitAsync(asked.Headers.Location!.OriginalString, "main form",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        using var third = app.NewClient();
        asked = await third.SignInWithPasswordAsync(email, Password);
        await third.FollowAsync(await third.SubmitAsync(asked.Headers.Location!.OriginalString, "main form",
            new Dictionary<string, string> { ["Input.Code"] = recoveryCode }));

        var methods = (await app.AllStoredAsync<SignInRecord>(r => r.UserId == user.Id)).Select(r => r.Method).Order().ToList();
        Assert.Equal([SignInMethod.Password, SignInMethod.TwoFactor, SignInMethod.RecoveryCode], methods);
        var shown = EnsaClient.Text(await third.GetPageAsync("/Account/TwoFactor"), "table#signins tbody");
        Assert.Contains("återställningskod", shown, StringComparison.Ordinal);
        Assert.Contains("tvåstegsverifiering", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_NotRecorded()
    {
        app.RequireDatabase();
        var email = $"history-{Guid.NewGuid():N}@mittkoping.example";
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var client = app.NewClient();

        Assert.Equal(HttpStatusCode.OK, (await client.SignInWithPasswordAsync(email, "fel lösenord helt och hållet")).StatusCode);

        Assert.False(await app.IsStoredAsync<SignInRecord>(r => r.UserId == user.Id));
    }

    [Fact]
    public async Task SignOutEverywhere_TwoSessions_BothEnd()
    {
        app.RequireDatabase();
        var email = $"history-{Guid.NewGuid():N}@mittkoping.example";
        await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var laptop = app.NewClient();
        using var phone = app.NewClient();
        await laptop.SignInWithPasswordAsync(email, Password);
        await phone.SignInWithPasswordAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.Http.GetAsync("/")).StatusCode);

        await laptop.SubmitAsync("/Account/TwoFactor", "form#sign-out-everywhere");

        Assert.Equal(HttpStatusCode.Redirect, (await phone.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.Http.GetAsync("/")).StatusCode);
    }
}

public sealed class SignInHistorySqliteTests(EnsaAppFactory app) : SignInHistoryTests<EnsaAppFactory>(app);

public sealed class SignInHistoryPostgresTests(PostgresAppFactory app) : SignInHistoryTests<PostgresAppFactory>(app);
