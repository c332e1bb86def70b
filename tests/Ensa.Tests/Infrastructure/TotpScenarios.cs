using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests.Infrastructure;

/// <summary>An account with TOTP two-factor, and its password-and-code sign-in.</summary>
public static class TotpScenarios
{
    /// <summary>Turns TOTP on for the account, with recovery codes; returns the authenticator key.</summary>
    public static async Task<string> EnableTotpAsync(this EnsaAppFactory app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnsaUser>>();
        var user = (await users.FindByIdAsync(userId.ToString()))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>A client signed in with the password and a code from the authenticator.</summary>
    public static async Task<EnsaClient> SignInWithTotpAsync(this EnsaAppFactory app, string email, string password, string key)
    {
        var client = app.NewClient();
        var asked = await client.SignInWithPasswordAsync(email, password);
        Assert.StartsWith("/Account/LoginWith2fa", asked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await client.SubmitAsync(asked.Headers.Location.OriginalString, "main form",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        return client;
    }
}
