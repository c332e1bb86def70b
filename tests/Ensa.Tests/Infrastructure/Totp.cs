using System.Security.Cryptography;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests.Infrastructure;

/// <summary>RFC 6238 codes, as an authenticator app computes them from the shared key.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return bytes.ToArray();
    }
}

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
