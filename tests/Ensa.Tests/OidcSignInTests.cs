using System.Net;
using System.Security.Claims;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ensa.Audit;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.SignIn;
using Ensa.Tests.Infrastructure;
using Ensa.Web.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ensa.Tests;

/// <summary>Sign-in through an organizer's own OpenID Connect provider, end to end against a real provider (OpenIddict on
/// loopback): home realm discovery and the "sign in with …" button, linking to the imported person, a just-in-time
/// Requester, the tokens and answers that are refused, a provider that is down, and providers changed at run time.</summary>
public abstract class OidcSignInTests<TFactory>(TFactory app) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : EnsaAppFactory
{
    private OidcProvider _idp = null!;

    public async ValueTask InitializeAsync()
    {
        app.RequireDatabase();
        _idp = await OidcProvider.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _idp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static string NewDomain() => $"t{Guid.NewGuid():N}"[..10] + ".example";

    private static Dictionary<string, string> ProviderForm(string name, Uri authority, string domains, PersonClaim claim = PersonClaim.Email,
        bool trustsMfa = false, string secret = OidcProvider.ClientSecret) => new()
        {
            ["Input.DisplayName"] = name, ["Input.Authority"] = authority.ToString(), ["Input.ClientId"] = OidcProvider.ClientId,
            ["Input.ClientSecret"] = secret, ["Input.Scopes"] = "openid profile email", ["Input.PersonClaim"] = claim.ToString(),
            ["Input.Domains"] = domains, ["Input.TrustsMfa"] = trustsMfa ? "true" : "false", ["Input.Enabled"] = "true",
        };

    /// <summary>The organizer admin adds a provider for <see cref="_idp"/> through the page.</summary>
    private async Task<(Guid Id, string Domain, string Name)> AddProviderAsync(string organizer = "Mittköpings kommun",
        PersonClaim claim = PersonClaim.Email, bool trustsMfa = false)
    {
        var domain = NewDomain();
        var name = "Inloggning " + domain;
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, organizer);
        var response = await admin.SubmitAsync("/Admin/SignIn/Edit", "form#provider", ProviderForm(name, _idp.Authority, domain, claim, trustsMfa));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDbAsync(db => db.IdentityProviders.IgnoreQueryFilters().Where(p => p.DisplayName == name).Select(p => p.Id).SingleAsync());
        return (id, domain, name);
    }

    /// <summary>Home realm discovery: the e-mail address alone, no password.</summary>
    private static Task<HttpResponseMessage> StartWithEmailAsync(EnsaClient client, string email) =>
        client.SubmitAsync("/Account/Login", "main form:not([action*=Demo])", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "",
        });

    /// <summary>The code flow by hand, as a browser follows it: the app's redirect to the provider, the provider's redirect
    /// back to the app's callback, and the app's own last step. Returns that last step's response.</summary>
    private async Task<(HttpResponseMessage Response, string Callback)> FollowFlowAsync(EnsaClient client, HttpResponseMessage challenge)
    {
        Assert.True(challenge.StatusCode == HttpStatusCode.Redirect, $"Expected the redirect to the provider, got {(int)challenge.StatusCode}");
        var authorize = challenge.Headers.Location!;
        Assert.Equal(_idp.Authority.Authority, authorize.Authority);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await browser.GetAsync(authorize);
        Assert.True(answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"The provider answered {(int)answer.StatusCode}");
        var callback = answer.Headers.Location!.PathAndQuery;
        var back = await client.Http.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return (await client.Http.GetAsync(back.Headers.Location!.OriginalString), callback);
    }

    /// <summary>The session Ensa's cookie carries, read from the sign-in response.</summary>
    private ClaimsPrincipal SessionOf(HttpResponseMessage response)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ensa.Auth=", StringComparison.Ordinal));
        var value = Uri.UnescapeDataString(cookie["Ensa.Auth=".Length..].Split(';')[0]);
        var format = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        return format.Unprotect(value)!.Principal;
    }

    private static async Task<bool> SignedInAsync(EnsaClient client) => (await client.Http.GetAsync("/Requests")).StatusCode == HttpStatusCode.OK;

    private Task<List<IdentityUserLogin<Guid>>> LoginsAsync(Guid providerId) =>
        app.WithDbAsync(db => db.Set<IdentityUserLogin<Guid>>().Where(l => l.LoginProvider == IdentityProvider.SchemeOf(providerId)).ToListAsync());

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, EnsaClient.Text(await EnsaClient.ParseAsync(response), ".errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstSignIn_ImportedPrincipalByPrincipalName_LinkedToTheirAccountWithThePrincipalRole()
    {
        var (providerId, domain, _) = await AddProviderAsync(claim: PersonClaim.EduPersonPrincipalName);
        var eppn = $"rektor@{domain}";
        var (personId, userId) = await app.WithDbAsync(async db =>
        {
            var principals = db.Memberships.IgnoreQueryFilters().Where(m => m.Role == Role.Principal).Select(m => m.UserId);
            var person = await db.ImportedPersons.IgnoreQueryFilters().FirstAsync(p => p.UserId != null && principals.Contains(p.UserId.Value));
            person.Update(person.Name, person.WorkEmail, [eppn], person.IsProtectedIdentity);
            await db.SaveChangesAsync();
            return (person.Id, person.UserId!.Value);
        });
        var email = $"someone.else@{domain}";
        _idp.Add(new OidcUser(Guid.NewGuid().ToString("N"), "Rut Rektor", email, PrincipalName: eppn));

        using var client = app.NewClient();
        var (response, _) = await FollowFlowAsync(client, await StartWithEmailAsync(client, email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(userId, SessionOf(response).UserId());
        Assert.Equal(userId, Assert.Single(await LoginsAsync(providerId)).UserId);
        Assert.True(await app.IsStoredAsync<Membership>(m => m.UserId == userId && m.Role == Role.Principal));
        Assert.True(await SignedInAsync(client));
        Assert.Equal(userId, (await app.StoredAsync<Ensa.MasterData.ImportedPerson>(p => p.Id == personId)).UserId);
        // The sign-in history names the way in and the provider.
        Assert.True(await app.IsStoredAsync<SignInRecord>(r => r.UserId == userId && r.Method == SignInMethod.External && r.Provider != null));
    }

    [Fact]
    public async Task FirstSignIn_UnknownPersonOfTheDomain_GetsARequesterAccountTheAdminSees()
    {
        var (providerId, domain, name) = await AddProviderAsync();
        var email = $"ny.larare@{domain}";
        _idp.NextUser = new OidcUser(Guid.NewGuid().ToString("N"), "Nya Läraren", email);

        // The organizer's own sign-in link offers its providers as buttons.
        using var client = app.NewClient();
        var page = await client.GetPageAsync($"/Account/Login?organizer={DemoData.MittkopingSlug}");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form.provider").Single(f => f.TextContent.Contains(name, StringComparison.Ordinal));
        var (response, _) = await FollowFlowAsync(client, await client.SubmitAsync("/Account/Login", form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await app.StoredAsync<EnsaUser>(u => u.Email == email);
        Assert.Null(user.PasswordHash);
        var membership = await app.StoredAsync<Membership>(m => m.UserId == user.Id);
        Assert.Equal(Role.Requester, membership.Role);
        Assert.Equal(user.Id, Assert.Single(await LoginsAsync(providerId)).UserId);
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        Assert.Contains(email, (await admin.GetPageAsync("/Admin/Users")).Body!.TextContent, StringComparison.Ordinal);

        // The second sign-in finds the login: no second account.
        using var again = app.NewClient();
        var (second, _) = await FollowFlowAsync(again, await StartWithEmailAsync(again, email));
        Assert.Equal(user.Id, SessionOf(second).UserId());
        Assert.Equal(1, await app.CountStoredAsync<EnsaUser>(u => u.Email == email));
    }

    [Fact]
    public async Task SignIn_DeactivatedPerson_RefusedWithoutASession()
    {
        var (_, domain, _) = await AddProviderAsync();
        var email = $"slutat@{domain}";
        _idp.Add(new OidcUser(Guid.NewGuid().ToString("N"), "Slutat Person", email));
        using var first = app.NewClient();
        await FollowFlowAsync(first, await StartWithEmailAsync(first, email));
        var user = await app.StoredAsync<EnsaUser>(u => u.Email == email);
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostHandlerAsync($"/Admin/Users/Roles/{user.Id}", "Deactivate")).StatusCode);

        using var client = app.NewClient();
        var (refused, _) = await FollowFlowAsync(client, await StartWithEmailAsync(client, email));

        await AssertRefusedAsync(refused, "Ditt konto i Ensa är inte aktivt");
        Assert.False(await SignedInAsync(client));
    }

    [Fact]
    public async Task SignIn_TrustedProviderSaysMfa_SessionCarriesAmrMfa_UntrustedDoesNot()
    {
        var (_, trusted, _) = await AddProviderAsync(trustsMfa: true);
        var (_, untrusted, _) = await AddProviderAsync();
        foreach (var (domain, expected) in new[] { (trusted, true), (untrusted, false) })
        {
            var email = $"mfa@{domain}";
            _idp.Add(new OidcUser(Guid.NewGuid().ToString("N"), "Mfa Person", email, Amr: ["pwd", "mfa"]));
            using var client = app.NewClient();
            var (response, _) = await FollowFlowAsync(client, await StartWithEmailAsync(client, email));
            Assert.Equal(expected, SessionOf(response).HasClaim("amr", "mfa"));
        }
    }

    [Theory]
    [InlineData("audience")]
    [InlineData("expired")]
    [InlineData("signature")]
    public async Task SignIn_IdTokenNotToBeTrusted_RefusedAndNothingLinked(string fault)
    {
        var (providerId, domain, name) = await AddProviderAsync();
        var email = $"fel@{domain}";
        _idp.Add(new OidcUser(Guid.NewGuid().ToString("N"), "Fel Token", email));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Action<System.Text.Json.Nodes.JsonObject> expire = p => (p["iat"], p["nbf"], p["exp"]) = (now - 7200, now - 7200, now - 3600);
        _idp.TamperIdToken = fault == "audience" ? p => p["aud"] = "someone-else" : fault == "expired" ? expire : _ => { };
        if (fault == "signature") _idp.SignWith = OidcProvider.ForeignKey();

        using var client = app.NewClient();
        var (response, _) = await FollowFlowAsync(client, await StartWithEmailAsync(client, email));

        await AssertRefusedAsync(response, $"Inloggningen via {name} kunde inte slutföras");
        Assert.Empty(await LoginsAsync(providerId));
        Assert.False(await app.IsStoredAsync<EnsaUser>(u => u.Email == email));
        Assert.False(await SignedInAsync(client));
    }

    [Fact]
    public async Task Callback_Replayed_RefusedAndTheCodeNotRedeemedAgain()
    {
        var (_, domain, name) = await AddProviderAsync();
        var email = $"igen@{domain}";
        _idp.Add(new OidcUser(Guid.NewGuid().ToString("N"), "Igen", email));
        using var client = app.NewClient();
        var (response, callback) = await FollowFlowAsync(client, await StartWithEmailAsync(client, email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var redeemed = _idp.TokenRequests;

        using var attacker = app.NewClient();
        var replay = await attacker.Http.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        await AssertRefusedAsync(await attacker.Http.GetAsync(replay.Headers.Location!.OriginalString), $"Inloggningen via {name} kunde inte slutföras");
        Assert.Equal(redeemed, _idp.TokenRequests);
        Assert.False(await SignedInAsync(attacker));
    }

    [Fact]
    public async Task SignIn_PersonOutsideTheOrganizersDomains_Refused()
    {
        var (providerId, _, name) = await AddProviderAsync();
        _idp.NextUser = new OidcUser(Guid.NewGuid().ToString("N"), "Annan", $"annan@{NewDomain()}");
        using var client = app.NewClient();
        var page = await client.GetPageAsync($"/Account/Login?organizer={DemoData.MittkopingSlug}");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form.provider").Single(f => f.TextContent.Contains(name, StringComparison.Ordinal));
        var (response, _) = await FollowFlowAsync(client, await client.SubmitAsync("/Account/Login", form));

        await AssertRefusedAsync(response, "Du finns inte bland Mittköpings kommuns personal");
        Assert.Empty(await LoginsAsync(providerId));
    }

    [Fact]
    public async Task SignIn_AddressOfAnotherOrganizersAccount_NeverLinkedByEmailAlone()
    {
        var (providerId, domain, _) = await AddProviderAsync();
        var email = $"dubbel@{domain}";
        var other = await app.CreateUserWithPasswordAsync(email, "ett långt lösenord 123", Role.CentralReviewer, DemoData.LarandeNorrSlug);
        _idp.Add(new OidcUser(Guid.NewGuid().ToString("N"), "Dubbel", email));

        using var client = app.NewClient();
        var (response, _) = await FollowFlowAsync(client, await StartWithEmailAsync(client, email));

        await AssertRefusedAsync(response, $"Det finns redan ett konto för {email} som inte hör till Mittköpings kommun");
        Assert.Empty(await LoginsAsync(providerId));
        Assert.False(await app.IsStoredAsync<Membership>(m => m.UserId == other.Id && m.Role == Role.Requester));
        Assert.False(await SignedInAsync(client));
    }

    [Fact]
    public async Task LoginPage_ItsFormsEndAtTheProviders_ContentSecurityPolicyAllowsTheirOrigins()
    {
        await AddProviderAsync();
        using var client = app.NewClient();
        var response = await client.Http.GetAsync("/Account/Login");
        // Chromium checks form-action on every redirect of a form's navigation, and the sign-in's answer is the provider.
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches($"form-action 'self' [^;]*{System.Text.RegularExpressions.Regex.Escape(_idp.Authority.GetLeftPart(UriPartial.Authority))}", policy);
    }

    [Fact]
    public async Task ProviderDown_ClearMessage_PasswordSignInUnaffected()
    {
        var (_, domain, name) = await AddProviderAsync();
        await _idp.StopAsync();
        using var client = app.NewClient();
        var response = await StartWithEmailAsync(client, $"vem@{domain}");
        await AssertRefusedAsync(response, $"{name} svarar inte just nu");

        var user = await app.CreateUserWithPasswordAsync($"lokal.{Guid.NewGuid():N}@mittkoping.example", "ett långt lösenord 123", Role.Requester);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInWithPasswordAsync(user.Email!, "ett långt lösenord 123")).StatusCode);
        Assert.True(await SignedInAsync(client));
    }

    [Fact]
    public async Task Provider_ChangedOnAnotherNode_UsedAfterTheRefreshIntervalWithoutARestart()
    {
        var (providerId, domain, _) = await AddProviderAsync();
        var email = $"byte@{domain}";
        await using var second = await OidcProvider.StartAsync();
        second.Add(new OidcUser(Guid.NewGuid().ToString("N"), "Byte", email));
        _idp.Add(new OidcUser(Guid.NewGuid().ToString("N"), "Byte", email));
        using (var client = app.NewClient())
            Assert.Equal(_idp.Authority.Authority, (await StartWithEmailAsync(client, email)).Headers.Location!.Authority);

        // Another node saves the change: this node's cache does not hear of it, and reads it again after the interval.
        await app.WithDbAsync(async db =>
        {
            var p = await db.IdentityProviders.IgnoreQueryFilters().Include(x => x.Domains).SingleAsync(x => x.Id == providerId);
            p.Update(p.DisplayName, second.Authority.ToString().TrimEnd('/'), p.ClientId, null, p.Scopes, p.PersonClaim,
                p.Domains.Select(d => d.Name).ToList(), p.TrustsMfa, p.Enabled);
            return await db.SaveChangesAsync();
        });
        app.Clock.Offset += TimeSpan.FromMinutes(1);
        using var later = app.NewClient();
        var challenge = await StartWithEmailAsync(later, email);
        Assert.Equal(second.Authority.Authority, challenge.Headers.Location!.Authority);
        _idp = second;
        var (response, _) = await FollowFlowAsync(later, challenge);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task PasswordSignInOff_StaffRefusedWithAReason_OnlyWithAProvider()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var refused = await admin.SubmitAsync("/Admin/SignIn", "form#password-setting", new Dictionary<string, string> { ["PasswordSignInOff"] = "true" });
        await AssertRefusedAsync(refused, "Lägg först till en identitetsleverantör");
        Assert.False(await app.IsStoredAsync<OrganizerSignIn>(s => s.PasswordSignInOff));

        await AddProviderAsync("Lärande Norr AB");
        var user = await app.CreateUserWithPasswordAsync($"norr.{Guid.NewGuid():N}@larandenorr.example", "ett långt lösenord 123", Role.Requester, DemoData.LarandeNorrSlug);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Admin/SignIn", "form#password-setting",
            new Dictionary<string, string> { ["PasswordSignInOff"] = "true" })).StatusCode);
        try
        {
            using var staff = app.NewClient();
            await AssertRefusedAsync(await staff.SignInWithPasswordAsync(user.Email!, "ett långt lösenord 123"),
                "Lärande Norr AB har stängt av inloggning med lösenord");
            Assert.False(await SignedInAsync(staff));
            var organizer = await app.StoredAsync<Ensa.Organizers.Organizer>(o => o.Slug == DemoData.LarandeNorrSlug);
            Assert.True(await app.IsStoredAsync<AuditEntry>(a => a.EntityType == nameof(OrganizerSignIn) && a.OrganizerId == organizer.Id));
        }
        finally
        {
            await admin.SubmitAsync("/Admin/SignIn", "form#password-setting", new Dictionary<string, string> { ["PasswordSignInOff"] = "false" });
        }
    }

    [Fact]
    public async Task AcceptInvitation_PasswordSignInOff_AccountMadeWithoutPassword_SentToTheProvider()
    {
        var (providerId, domain, name) = await AddProviderAsync("Lärande Norr AB");
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Admin/SignIn", "form#password-setting",
            new Dictionary<string, string> { ["PasswordSignInOff"] = "true" })).StatusCode);
        try
        {
            var email = $"inbjuden@{domain}";
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Admin/Users/Invite", "main form", new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.DisplayName"] = "Inbjuden Person", ["Role.Role"] = "Requester", ["Role.UnitId"] = "",
            })).StatusCode);
            var link = await app.InvitationLinkToAsync(email);

            using var invited = app.NewClient();
            var accept = await invited.GetPageAsync(link);
            Assert.Null(accept.QuerySelector("input[type=password]"));
            Assert.Contains("behöver inget lösenord", accept.QuerySelector("main form")!.TextContent, StringComparison.Ordinal);
            // A password sent anyway is not set.
            var accepted = await invited.SubmitAsync(link, "main form", new Dictionary<string, string>
            {
                ["Input.Password"] = "ett långt lösenord 123", ["Input.ConfirmPassword"] = "ett långt lösenord 123",
            });
            Assert.Equal($"/Account/Login?organizer={DemoData.LarandeNorrSlug}", accepted.Headers.Location!.OriginalString);
            var login = await invited.FollowAsync(accepted);
            Assert.Contains("Logga in med Lärande Norr ABs inloggning", login.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
            Assert.False(await SignedInAsync(invited));

            var user = await app.StoredAsync<EnsaUser>(u => u.Email == email);
            Assert.Null(user.PasswordHash);
            Assert.True(user.EmailConfirmed);
            var organizer = await app.StoredAsync<Ensa.Organizers.Organizer>(o => o.Slug == DemoData.LarandeNorrSlug);
            Assert.True(await app.IsStoredAsync<Membership>(m => m.UserId == user.Id && m.OrganizerId == organizer.Id && m.Role == Role.Requester));

            // The page's button for the provider signs the same account in.
            _idp.NextUser = new OidcUser(Guid.NewGuid().ToString("N"), "Inbjuden Person", email);
            var button = login.QuerySelectorAll<IHtmlFormElement>("form.provider").Single(f => f.TextContent.Contains(name, StringComparison.Ordinal));
            var (response, _) = await FollowFlowAsync(invited, await invited.SubmitAsync("/Account/Login", button));
            Assert.Equal(user.Id, SessionOf(response).UserId());
        }
        finally
        {
            await admin.SubmitAsync("/Admin/SignIn", "form#password-setting", new Dictionary<string, string> { ["PasswordSignInOff"] = "false" });
            // PasswordSignInOff_StaffRefusedWithAReason_OnlyWithAProvider starts from Lärande Norr AB without a provider.
            await app.WithDbAsync(db => db.IdentityProviders.IgnoreQueryFilters().Where(p => p.Id == providerId).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task ProviderPage_SecretStoredEncryptedNeverShown_AuditedWithoutIt_RemovedAfterConfirmation()
    {
        var (id, domain, name) = await AddProviderAsync();
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var edit = await admin.GetPageAsync($"/Admin/SignIn/Edit/{id}");
        Assert.DoesNotContain(OidcProvider.ClientSecret, edit.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains($"/signin-oidc/{id:N}", edit.QuerySelector("#redirect-uri")!.TextContent, StringComparison.Ordinal);
        var stored = await app.StoredAsync<IdentityProvider>(p => p.Id == id);
        Assert.NotNull(stored.ProtectedClientSecret);
        Assert.DoesNotContain(OidcProvider.ClientSecret, stored.ProtectedClientSecret, StringComparison.Ordinal);
        var audit = await app.AllStoredAsync<AuditEntry>(a => a.EntityId == id.ToString());
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain("ProtectedClientSecret", a.Changes, StringComparison.Ordinal));
        Assert.Empty(await app.FindTextAsync([OidcProvider.ClientSecret]));

        // Saved again with the secret left empty: the stored one is kept.
        var form = ProviderForm(name + " 2", _idp.Authority, domain, secret: "");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Admin/SignIn/Edit/{id}", "form#provider", form)).StatusCode);
        Assert.Equal(stored.ProtectedClientSecret, (await app.StoredAsync<IdentityProvider>(p => p.Id == id)).ProtectedClientSecret);

        Assert.Contains(name + " 2", (await admin.GetPageAsync($"/Admin/SignIn/Remove/{id}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.IsStoredAsync<IdentityProvider>(p => p.Id == id));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Admin/SignIn/Remove/{id}", "form#remove")).StatusCode);
        Assert.False(await app.IsStoredAsync<IdentityProvider>(p => p.Id == id));
        Assert.False(await app.IsStoredAsync<IdentityProviderDomain>(d => d.Name == domain));
    }

    [Fact]
    public async Task Domain_ClaimedByASecondProvider_RefusedByTheDatabaseEvenWithoutThePage()
    {
        var (_, domain, _) = await AddProviderAsync();
        // Two admins saving at once would both pass a check made before saving: the unique index refuses the second.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var norr = await db.Organizers.SingleAsync(o => o.Slug == DemoData.LarandeNorrSlug);
            var provider = new IdentityProvider(norr.Id);
            provider.Update("Norr", _idp.Authority.ToString(), OidcProvider.ClientId, null, IdentityProvider.DefaultScopes, PersonClaim.Email,
                [domain], trustsMfa: false, enabled: true);
            db.IdentityProviders.Add(provider);
            return await db.SaveChangesAsync();
        }));
        Assert.False(await app.IsStoredAsync<IdentityProvider>(p => p.DisplayName == "Norr"));

        // The same organizer's second provider is refused too, with a message of its own.
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var response = await admin.SubmitAsync("/Admin/SignIn/Edit", "form#provider", ProviderForm("Andra", _idp.Authority, $"{NewDomain()}, {domain}"));
        Assert.Contains($"Domänen hör redan till en annan av era identitetsleverantörer: {domain}.",
            EnsaClient.Text(await EnsaClient.ParseAsync(response), ".error"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<IdentityProvider>(p => p.DisplayName == "Andra"));
    }

    [Theory]
    [InlineData("Input.Authority", "http://idp.example.com", "https-adress")]
    [InlineData("Input.Authority", "inte en adress", "https-adress")]
    [InlineData("Input.Domains", "inte_en domän", "giltiga domännamn")]
    [InlineData("Input.Domains", "", "måste fyllas i")]
    [InlineData("Input.DisplayName", "", "måste fyllas i")]
    [InlineData("Input.ClientSecret", "", "måste fyllas i")]
    public async Task ProviderPage_BadInput_SaysWhyAndSavesNothing(string field, string value, string message)
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var name = "Ogiltig " + Guid.NewGuid().ToString("N");
        var form = ProviderForm(name, _idp.Authority, NewDomain());
        if (field != "Input.DisplayName") form[field] = value;
        else (form[field], name) = (value, value);
        var response = await admin.SubmitAsync("/Admin/SignIn/Edit", "form#provider", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, EnsaClient.Text(await EnsaClient.ParseAsync(response), ".error"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<IdentityProvider>(p => p.DisplayName == name));
    }

    [Fact]
    public async Task ProviderPage_TooLongAndOtherOrganizersDomain_Refused()
    {
        var (_, domain, _) = await AddProviderAsync();
        using var norr = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var response = await norr.SubmitAsync("/Admin/SignIn/Edit", "form#provider", ProviderForm("Norr", _idp.Authority, domain));
        Assert.Contains($"Domänen hör redan till en annan huvudman: {domain}", EnsaClient.Text(await EnsaClient.ParseAsync(response), ".error"), StringComparison.Ordinal);
        var tooLong = ProviderForm(new string('x', IdentityProvider.DisplayNameMaxLength + 1), _idp.Authority, NewDomain());
        response = await norr.SubmitAsync("/Admin/SignIn/Edit", "form#provider", tooLong);
        Assert.Contains("får vara högst", EnsaClient.Text(await EnsaClient.ParseAsync(response), ".error"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<IdentityProvider>(p => p.DisplayName == "Norr"));
    }

    [Fact]
    public async Task ProviderPages_WrongRoleDenied_OtherOrganizersProvider404()
    {
        var (id, _, _) = await AddProviderAsync();
        using var requester = await app.SignInAs(Roles.Requester);
        var denied = await requester.Http.GetAsync("/Admin/SignIn");
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var norr = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        await norr.GetPageAsync($"/Admin/SignIn/Edit/{id}", HttpStatusCode.NotFound);
        await norr.GetPageAsync($"/Admin/SignIn/Remove/{id}", HttpStatusCode.NotFound);
        var token = (await norr.GetPageAsync("/Admin/SignIn")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var removal = await norr.Http.PostAsync($"/Admin/SignIn/Remove/{id}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, removal.StatusCode);
        Assert.True(await app.IsStoredAsync<IdentityProvider>(p => p.Id == id));
    }
}

public sealed class OidcSignInSqliteTests(EnsaAppFactory app) : OidcSignInTests<EnsaAppFactory>(app);

public sealed class OidcSignInPostgresTests(PostgresAppFactory app) : OidcSignInTests<PostgresAppFactory>(app);
