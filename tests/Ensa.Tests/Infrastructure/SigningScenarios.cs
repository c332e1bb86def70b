using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests.Infrastructure;

/// <summary>The people who sign in Ensa: an organizer's signatory and a supplier's user, each a new account with a
/// password and TOTP, signed in with both (a second factor) unless said otherwise.</summary>
public static class SigningScenarios
{
    private const string Password = "Signera-Avtal-2026!";

    /// <summary>A new signatory of Mittköping's (<paramref name="name"/> starts the address).</summary>
    public static async Task<EnsaClient> SignatoryAsync(this EnsaAppFactory app, string name, bool secondFactor = true)
    {
        var email = $"{name}.{Guid.NewGuid():N}@mittkoping.example";
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Signatory);
        if (secondFactor) return await app.SignInWithTotpAsync(email, Password, await app.EnableTotpAsync(user.Id));
        var client = app.NewClient();
        await client.SignInWithPasswordAsync(email, Password);
        return client;
    }

    /// <summary>A new user "Nils Numerix" of <paramref name="supplier"/>; its admin (<paramref name="admin"/>) signs for it.</summary>
    public static async Task<EnsaClient> SupplierUserAsync(this EnsaAppFactory app, bool admin, string supplier = "Numerix Lärande AB")
    {
        var email = $"signer.{Guid.NewGuid():N}@numerix.example";
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EnsaUser>>();
            var db = scope.ServiceProvider.GetRequiredService<Ensa.Data.EnsaDbContext>();
            var user = EnsaUser.Create(email, "Nils Numerix", app.Clock.GetUtcNow().UtcDateTime);
            user.SupplierId = await db.Suppliers.Where(s => s.Name == supplier).Select(s => s.Id).SingleAsync();
            user.IsSupplierAdmin = admin;
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            id = user.Id;
        }
        return await app.SignInWithTotpAsync(email, Password, await app.EnableTotpAsync(id));
    }
}
