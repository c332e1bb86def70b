using System.Net;
using System.Security.Claims;
using Ensa.Audit;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ensa.Tests;

/// <summary>Two-factor an organizer requires for password sign-in (/Admin/Organizer), and that every supplier user
/// needs: the gate sends such a session to /Account/TwoFactor until TOTP is set up.</summary>
public abstract class RequiredTwoFactorTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : EnsaAppFactory
{
    private const string Password = "ett långt lösenord 42";

    private static string Email() => $"mfa-{Guid.NewGuid():N}@mittkoping.example";

    private async Task SetRuleAsync(RequiredTwoFactor rule)
    {
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var response = await lisa.SubmitAsync("/Admin/Organizer", "main form", new Dictionary<string, string> { ["Input.RequiredTwoFactor"] = rule.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<EnsaClient> SignInWithPasswordAsync(string email)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInWithPasswordAsync(email, Password)).StatusCode);
        return client;
    }

    private static async Task AssertGatedAsync(EnsaClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/TwoFactor?required=true&returnUrl={Uri.EscapeDataString(url)}", response.Headers.Location!.OriginalString);
    }

    private static async Task AssertPassesAsync(EnsaClient client, string url) =>
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode);

    [Fact]
    public async Task RequiredForAllStaff_Audited_PasswordSessionGatedUntilTotpSetUp_ThenPasses()
    {
        await SetRuleAsync(RequiredTwoFactor.AllStaff);
        Assert.Equal(RequiredTwoFactor.AllStaff, (await app.StoredAsync<Organizer>(o => o.Slug == DemoData.MittkopingSlug)).RequiredTwoFactor);
        Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(Organizer) && a.Changes.Contains(nameof(Organizer.RequiredTwoFactor))));
        var email = Email();
        await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var client = await SignInWithPasswordAsync(email);

        await AssertGatedAsync(client, "/Requests");
        await AssertGatedAsync(client, "/");
        var setup = await client.GetPageAsync("/Account/TwoFactor?required=true");
        Assert.NotNull(setup.QuerySelector("#two-factor-required"));
        await AssertPassesAsync(client, "/Account/Logout");

        var (_, enabled) = await client.SetUpTwoFactorAsync("/Account/TwoFactor?required=true&returnUrl=%2FRequests");
        Assert.Equal("/Requests", (await EnsaClient.ParseAsync(enabled)).QuerySelector("#two-factor-continue")!.GetAttribute("href"));
        Assert.Contains(enabled.Headers.GetValues("Set-Cookie"), c => c.StartsWith("Ensa.Auth=", StringComparison.Ordinal));
        Assert.True(SessionOf(enabled).HasClaim("amr", "mfa"));
        await AssertPassesAsync(client, "/Requests");
        await SetRuleAsync(RequiredTwoFactor.Off);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task ContinueAfterSetUp_NeverLeadsOffSite(string returnUrl)
    {
        var email = Email();
        await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var client = await SignInWithPasswordAsync(email);
        var (_, enabled) = await client.SetUpTwoFactorAsync($"/Account/TwoFactor?required=true&returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal("/", (await EnsaClient.ParseAsync(enabled)).QuerySelector("#two-factor-continue")!.GetAttribute("href"));
    }

    [Fact]
    public async Task RuleOff_PasswordSessionPasses()
    {
        await SetRuleAsync(RequiredTwoFactor.Off);
        var email = Email();
        await app.CreateUserWithPasswordAsync(email, Password, Role.OrganizerAdmin);
        using var client = await SignInWithPasswordAsync(email);
        await AssertPassesAsync(client, "/Requests");
    }

    [Fact]
    public async Task CentralAndAdmins_ReviewerAndCoordinatorGated_RequesterPasses()
    {
        await SetRuleAsync(RequiredTwoFactor.CentralAndAdmins);
        foreach (var (role, gated) in new[] { (Role.CentralReviewer, true), (Role.SecurityCoordinator, true), (Role.OrganizerAdmin, true), (Role.Requester, false) })
        {
            var email = Email();
            await app.CreateUserWithPasswordAsync(email, Password, role);
            using var client = await SignInWithPasswordAsync(email);
            if (gated) await AssertGatedAsync(client, "/Requests");
            else await AssertPassesAsync(client, "/Requests");
        }
        await SetRuleAsync(RequiredTwoFactor.Off);
    }

    [Fact]
    public async Task RequiredForAll_TotpSignIn_Passes()
    {
        await SetRuleAsync(RequiredTwoFactor.AllStaff);
        var email = Email();
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var client = await app.SignInWithTotpAsync(email, Password, await app.EnableTotpAsync(user.Id));

        await AssertPassesAsync(client, "/Requests");
        await SetRuleAsync(RequiredTwoFactor.Off);
    }

    [Fact]
    public async Task RequiredForAll_OwnTotpTurnedOff_SessionLosesMfaAndIsGatedAgain()
    {
        await SetRuleAsync(RequiredTwoFactor.AllStaff);
        var email = Email();
        var user = await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var client = await app.SignInWithTotpAsync(email, Password, await app.EnableTotpAsync(user.Id));
        await AssertPassesAsync(client, "/Requests");

        var disabled = await client.SubmitAsync("/Account/TwoFactor", "form[action*=Disable]",
            new Dictionary<string, string> { ["Proof"] = Password, ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False(SessionOf(disabled).HasClaim("amr", "mfa"));
        await AssertGatedAsync(client, "/Requests");
        await SetRuleAsync(RequiredTwoFactor.Off);
    }

    [Fact]
    public async Task PlatformAdmin_PasswordSessionWithoutTotpGated_WithTotpPasses()
    {
        await SetRuleAsync(RequiredTwoFactor.Off);
        var email = $"mfa-{Guid.NewGuid():N}@ensa.example";
        var user = EnsaUser.Create(email, "Test plattform", app.Clock.GetUtcNow().UtcDateTime);
        user.IsPlatformAdmin = true;
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<EnsaUser>>().CreateAsync(user, Password)).Succeeded);
        using var client = await SignInWithPasswordAsync(email);

        await AssertGatedAsync(client, "/Platform/Organizers");
        using var withTotp = await app.SignInWithTotpAsync(email, Password, await app.EnableTotpAsync(user.Id));
        await AssertPassesAsync(withTotp, "/Platform/Organizers");
    }

    [Fact]
    public async Task RequiredForAll_FederatedSessionWithAmrMfa_Passes()
    {
        await SetRuleAsync(RequiredTwoFactor.AllStaff);
        var user = await app.CreateUserWithPasswordAsync(Email(), Password, Role.Requester);
        using var client = app.NewClient();
        // The cookie the federated sign-in issues for a trusted provider's MFA (see OidcSignInTests).
        client.Http.DefaultRequestHeaders.Add("Cookie", "Ensa.Auth=" + await CookieAsync(user.Id,
            new Claim(ClaimTypes.AuthenticationMethod, "oidc-test"), new Claim("amr", "mfa")));

        await AssertPassesAsync(client, "/Requests");
        await SetRuleAsync(RequiredTwoFactor.Off);
    }

    [Fact]
    public async Task SupplierUser_PasswordSessionWithoutTotp_Gated()
    {
        await SetRuleAsync(RequiredTwoFactor.Off);
        var email = $"mfa-{Guid.NewGuid():N}@sagovaven.example";
        var supplierId = await app.SupplierIdAsync("Sagoväven AB");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = EnsaUser.Create(email, "Test leverantör", app.Clock.GetUtcNow().UtcDateTime);
            user.SupplierId = supplierId;
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<EnsaUser>>().CreateAsync(user, Password)).Succeeded);
        }
        using var client = await SignInWithPasswordAsync(email);

        await AssertGatedAsync(client, "/Supplier");
    }

    [Fact]
    public async Task Organizer_UnknownRuleOrWrongRole_RefusedAndUnchanged()
    {
        await SetRuleAsync(RequiredTwoFactor.Off);
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        var refused = await lisa.SubmitAsync("/Admin/Organizer", "main form", new Dictionary<string, string> { ["Input.RequiredTwoFactor"] = "7" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // The model binder refuses a value the enum does not have (Binding.Invalid), next to the field.
        Assert.Contains("Värdet ”7” går inte att använda", EnsaClient.Text(await EnsaClient.ParseAsync(refused), "main"), StringComparison.Ordinal);
        using var anna = await app.SignInAs(Roles.Requester);
        Assert.StartsWith("/Account/AccessDenied", (await anna.Http.GetAsync("/Admin/Organizer")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(RequiredTwoFactor.Off, (await app.StoredAsync<Organizer>(o => o.Slug == DemoData.MittkopingSlug)).RequiredTwoFactor);
    }

    private async Task<string> CookieAsync(Guid userId, params Claim[] claims)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<EnsaUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(userId.ToString()))!);
        ((ClaimsIdentity)principal.Identity!).AddClaims(claims);
        var ticket = new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme);
        return Uri.EscapeDataString(Format().Protect(ticket));
    }

    private ISecureDataFormat<AuthenticationTicket> Format() =>
        app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;

    private ClaimsPrincipal SessionOf(HttpResponseMessage response)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ensa.Auth=", StringComparison.Ordinal));
        return Format().Unprotect(Uri.UnescapeDataString(cookie["Ensa.Auth=".Length..].Split(';')[0]))!.Principal;
    }
}

public sealed class RequiredTwoFactorSqliteTests(EnsaAppFactory app) : RequiredTwoFactorTests<EnsaAppFactory>(app);

public sealed class RequiredTwoFactorPostgresTests(PostgresAppFactory app) : RequiredTwoFactorTests<PostgresAppFactory>(app);
