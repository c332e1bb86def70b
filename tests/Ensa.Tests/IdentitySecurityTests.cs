using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Organizers;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ensa.Tests;

/// <summary>Security issue, finding 1: a supplier's identity is established by the supplier (through the platform admin
/// or the supplier's own admin), never by an organizer that asks. The attack as the probe ran it, step by step.</summary>
public sealed partial class SupplierIdentityTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "leverantörens egen fras";

    private static string Form(string handler) => $"form[action$='handler={handler}']";

    private async Task<string> LinkToAsync(string email)
    {
        var body = await app.LatestMailBodyToAsync(email);
        var link = Link().Match(body);
        Assert.True(link.Success, body);
        Assert.StartsWith(EnsaAppFactory.PublicUrl + "/Account/AcceptInvitation", link.Value, StringComparison.Ordinal);
        return new Uri(link.Value).PathAndQuery;
    }

    [Fact]
    public async Task OrganizerStaff_CannotMakeThemselvesASupplier_ThePlatformAdminIsAskedInstead()
    {
        // Mittköping's reviewer starts an agreement for a resource of a supplier that nobody acts for in Ensa yet.
        using var sara = await app.SignInAs(Roles.CentralReviewer);
        var created = await sara.SubmitAsync("/Agreements/New", "main form", new Dictionary<string, string> { ["ResourceId"] = (await app.ResourceIdAsync("Kodkraft Blocklabb")).ToString() });
        var url = created.Headers.Location!.OriginalString;
        Assert.Contains("Ingen företräder Kodkraft Education AB", EnsaClient.Text(await sara.GetPageAsync(url), ".agreement-step"), StringComparison.Ordinal);

        // The old "invite the supplier's contact" step, with the attacker's own address, does nothing.
        var token = (await sara.GetPageAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        await sara.Http.PostAsync(url + "?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["InviteName"] = "Sara Nilsson", ["InviteEmail"] = "sara.nilsson@mittkoping.example",
        }));

        // Sending it to the supplier asks the platform admin to onboard the supplier; no account, no link for the organizer.
        await sara.FollowAsync(await sara.SubmitAsync(url, Form("Send")));
        var kodkraft = await app.SupplierIdAsync("Kodkraft Education AB");
        Assert.False(await app.IsStoredAsync<EnsaUser>(u => u.SupplierId == kodkraft));
        Assert.False(await app.IsStoredAsync<SupplierInvitation>(i => i.SupplierId == kodkraft));
        Assert.False(await app.IsStoredAsync<OutboxMessage>(m => m.To == "sara.nilsson@mittkoping.example" && m.TextBody.Contains("AcceptInvitation")));
        var onboard = (await app.MailToAsync("nora.lindgren@ensa.example")).Select(m => m.TextBody);
        Assert.Contains(onboard, b => b.Contains("Kodkraft Education AB", StringComparison.Ordinal) && b.Contains(EnsaAppFactory.PublicUrl + "/Platform/Suppliers", StringComparison.Ordinal));

        // Organizer staff reach neither the platform admin's supplier pages nor a supplier admin's.
        using var lisa = await app.SignInAs(Roles.OrganizerAdmin);
        foreach (var page in new[] { "/Platform/Suppliers", $"/Platform/Suppliers/Details/{kodkraft}", "/Supplier/Users" })
            Assert.StartsWith("/Account/AccessDenied", (await lisa.Http.GetAsync(page)).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // The platform admin sees Kodkraft first, checks who represents it, and invites its admin.
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var list = await nora.GetPageAsync("/Platform/Suppliers");
        Assert.Contains("Kodkraft Education AB", list.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ingen företräder leverantören", list.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        var details = $"/Platform/Suppliers/Details/{kodkraft}";
        await nora.FollowAsync(await nora.SubmitAsync(details, "main form", new Dictionary<string, string>
        {
            ["Invite.Email"] = "amira@kodkraft.example", ["Invite.DisplayName"] = "Amira Haddad", ["Invite.IsAdmin"] = "true",
        }));
        using var amira = app.NewClient();
        var link = await LinkToAsync("amira@kodkraft.example");
        Assert.Contains("Kodkraft Education AB", EnsaClient.Text(await amira.GetPageAsync(link), "main p"), StringComparison.Ordinal);
        await amira.AcceptSupplierInvitationAsync(link, Password);
        Assert.Contains("Mittköpings kommun – Kodkraft Blocklabb", EnsaClient.Text(await amira.GetPageAsync("/Supplier"), "ul.waiting"), StringComparison.Ordinal);

        // Kodkraft's admin invites a colleague, who acts for Kodkraft but may not invite anyone.
        await amira.FollowAsync(await amira.SubmitAsync("/Supplier/Users", "main form", new Dictionary<string, string>
        {
            ["Invite.Email"] = "olle@kodkraft.example", ["Invite.DisplayName"] = "Olle Kod",
        }));
        using var olle = app.NewClient();
        var olleLink = await LinkToAsync("olle@kodkraft.example");
        await olle.AcceptSupplierInvitationAsync(olleLink, Password);
        Assert.Equal((kodkraft, false), await app.WithDbAsync(db => db.Users.Where(u => u.Email == "olle@kodkraft.example").Select(u => ValueTuple.Create(u.SupplierId!.Value, u.IsSupplierAdmin)).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await olle.Http.GetAsync("/Supplier/Users")).StatusCode);
        Assert.Contains("Olle Kod", EnsaClient.Text(await amira.GetPageAsync("/Supplier/Users"), "table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupplierAdmin_InvitesOnlyForItsOwnSupplier()
    {
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var page = await elin.GetPageAsync("/Supplier/Users");
        Assert.Contains("Sagoväven AB", EnsaClient.Text(page, ".lead"), StringComparison.Ordinal);
        await elin.FollowAsync(await elin.SubmitAsync("/Supplier/Users", "main form", new Dictionary<string, string>
        {
            ["Invite.Email"] = "ny@sagovaven.example", ["Invite.DisplayName"] = "Ny Kollega", ["Invite.IsAdmin"] = "true",
        }));
        var sagovaven = await app.SupplierIdAsync("Sagoväven AB");
        Assert.Equal(sagovaven, (await app.StoredAsync<SupplierInvitation>(i => i.Email == "ny@sagovaven.example")).SupplierId);
        // A supplier user has no way to the platform admin's invitation of another supplier.
        var other = await app.SupplierIdAsync("Nordlär Förlag AB");
        Assert.StartsWith("/Account/AccessDenied", (await elin.Http.GetAsync($"/Platform/Suppliers/Details/{other}")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupplierInvitation_AcceptedByAnAccountOfAnotherSupplier_IsRefused()
    {
        using var nora = await app.SignInAs(Roles.PlatformAdmin);
        var nordlar = await app.SupplierIdAsync("Nordlär Förlag AB");
        await nora.FollowAsync(await nora.SubmitAsync($"/Platform/Suppliers/Details/{nordlar}", "main form", new Dictionary<string, string>
        {
            ["Invite.Email"] = "elin.svahn@sagovaven.example", ["Invite.DisplayName"] = "Elin Svahn",
        }));
        using var elin = await app.SignInAs(Roles.SupplierUser);
        var page = await elin.GetPageAsync(await LinkToAsync("elin.svahn@sagovaven.example"));
        Assert.Contains("en annan leverantör", EnsaClient.Text(page, ".errors"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Equal(await app.SupplierIdAsync("Sagoväven AB"), await app.WithDbAsync(db => db.Users.Where(u => u.Email == "elin.svahn@sagovaven.example").Select(u => u.SupplierId!.Value).SingleAsync()));
    }

    [GeneratedRegex(@"https?://\S+AcceptInvitation\?token=[0-9a-f]+")]
    private static partial Regex Link();
}

/// <summary>Finding 5 and 11: an invitation grants nothing until its person accepts it (signed in, if they have an
/// account), the admin sees only what they typed, and the next sign-in lands where the person last chose.</summary>
public sealed partial class InvitationConsentTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "min egen långa fras";

    private async Task InviteAsync(string organizer, string email, string typedName, string role)
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, organizer);
        await admin.FollowAsync(await admin.SubmitAsync("/Admin/Users/Invite", "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = typedName, ["Role.Role"] = role, ["Role.UnitId"] = "",
        }));
    }

    private async Task<string> LinkAsync(string email)
    {
        var body = await app.LatestMailBodyToAsync(email);
        return new Uri(Link().Match(body).Value).PathAndQuery;
    }

    private Task<bool> HoldsRoleAtAsync(string email, string organizer) => app.WithDbAsync(db =>
        db.Memberships.IgnoreQueryFilters().AnyAsync(m => db.Users.Any(u => u.Id == m.UserId && u.Email == email)
                                                          && db.Organizers.Any(o => o.Id == m.OrganizerId && o.Name == organizer)));

    [Fact]
    public async Task ExistingAccount_InvitedElsewhere_GetsNothingUntilItAcceptsSignedIn()
    {
        const string email = "existing.person@mittkoping.example";
        await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        await InviteAsync("Lärande Norr AB", email, "Det Jag Skrev", "CentralReviewer");

        // Nothing granted; Lärande Norr's admin sees only the typed name, never the account's own name or its state.
        Assert.False(await HoldsRoleAtAsync(email, "Lärande Norr AB"));
        using var fredrik = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var users = EnsaClient.Text(await fredrik.GetPageAsync("/Admin/Users"), "main");
        Assert.Contains("Det Jag Skrev", users, StringComparison.Ordinal);
        Assert.DoesNotContain("Test existing.person", users, StringComparison.Ordinal);

        // The link alone, not signed in: sign in first; a post changes nothing.
        var link = await LinkAsync(email);
        using var anonymous = app.NewClient();
        var page = await anonymous.GetPageAsync(link);
        Assert.Contains("Logga in med det för att anta", EnsaClient.Text(page, "main"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("input[name='Input.Password']"));
        var token = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var antiforgery = (await anonymous.GetPageAsync("/Account/Login")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        await anonymous.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery, ["token"] = token }));
        Assert.False(await HoldsRoleAtAsync(email, "Lärande Norr AB"));

        // Signed in as someone else: refused.
        using var anna = await app.SignInAs(Roles.Requester);
        Assert.Empty((await anna.GetPageAsync(link)).QuerySelectorAll("form[method=post] input[name=token]"));
        Assert.False(await HoldsRoleAtAsync(email, "Lärande Norr AB"));
    }

    [Fact]
    public async Task ExistingAccount_AcceptsWhileSignedIn_AndTheNextSignInLandsWhereItLastChose()
    {
        const string email = "two.places@mittkoping.example";
        await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        await InviteAsync("Lärande Norr AB", email, "Två Ställen", "CentralReviewer");
        var link = await LinkAsync(email);

        using var person = app.NewClient();
        var start = await person.FollowAsync(await person.SignInWithPasswordAsync(email, Password));
        Assert.Contains("Mittköpings kommun", EnsaClient.Text(start, ".lead"), StringComparison.Ordinal);
        Assert.NotNull((await person.GetPageAsync(link)).QuerySelector("main form input[name=token]"));
        var landed = await person.FollowAsync(await person.SubmitAsync(link, "main form"));
        Assert.Contains("Lärande Norr AB", EnsaClient.Text(landed, ".lead"), StringComparison.Ordinal);
        Assert.True(await HoldsRoleAtAsync(email, "Lärande Norr AB"));

        // Back to Mittköping; the next sign-in lands there, the last one chosen (not the one joined last, not A–Ö).
        var mittkoping = (await app.StoredAsync<Organizer>(o => o.Name == "Mittköpings kommun")).Id;
        await person.SubmitAsync("/", "form[action='/Account/SwitchOrganizer']", new Dictionary<string, string> { ["organizerId"] = mittkoping.ToString() });
        using var later = app.NewClient();
        Assert.Contains("Mittköpings kommun", EnsaClient.Text(await later.FollowAsync(await later.SignInWithPasswordAsync(email, Password)), ".lead"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_NeverAccepted_LeavesNoAccount()
    {
        await InviteAsync("Mittköpings kommun", "never.accepts@mittkoping.example", "Aldrig Antar", "Requester");
        Assert.False(await app.IsStoredAsync<EnsaUser>(u => u.Email == "never.accepts@mittkoping.example"));
        Assert.True(await app.IsStoredAsync<Invitation>(i => i.Email == "never.accepts@mittkoping.example" && i.UserId == null));
    }

    [GeneratedRegex(@"https?://\S+AcceptInvitation\?token=[0-9a-f]+")]
    private static partial Regex Link();
}

/// <summary>Finding 3: a session ends on the server when its person signs out, resets the password or changes the
/// second factor — a copy of the old cookie is refused at once, not after minutes or hours.</summary>
public sealed class SessionEndTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "en session i taget";

    /// <summary>The sign-in cookie as a copy of it would be sent from elsewhere.</summary>
    private static Task<string> AuthCookieAsync(HttpResponseMessage signInResponse) =>
        Task.FromResult(signInResponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ensa.Auth=", StringComparison.Ordinal)).Split(';')[0]);

    private async Task<HttpStatusCode> StatusWithCookieAsync(string cookie, string url = "/")
    {
        using var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return (await copy.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task SignOut_OldCookieCopy_IsRefusedAtOnce()
    {
        await app.CreateUserWithPasswordAsync("signs.out@mittkoping.example", Password, Role.Requester);
        using var client = app.NewClient();
        var cookie = await AuthCookieAsync(await client.SignInWithPasswordAsync("signs.out@mittkoping.example", Password));
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(cookie));
        await client.SubmitAsync("/Account/Logout", "main form");
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(cookie));
    }

    [Fact]
    public async Task PasswordReset_EndsEverySessionOfTheAccount()
    {
        await app.CreateUserWithPasswordAsync("resets@mittkoping.example", Password, Role.Requester);
        using var client = app.NewClient();
        var cookie = await AuthCookieAsync(await client.SignInWithPasswordAsync("resets@mittkoping.example", Password));
        await app.WithDbAsync(async db =>
        {
            var users = app.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<EnsaUser>>();
            var user = await users.FindByEmailAsync("resets@mittkoping.example");
            var reset = await users.ResetPasswordAsync(user!, await users.GeneratePasswordResetTokenAsync(user!), "ett helt nytt lösenord");
            Assert.True(reset.Succeeded);
            return 0;
        });
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(cookie));
    }

    [Fact]
    public async Task TwoFactor_TurnedOn_EndsOtherSessionsAndKeepsThisOne_AndIsTurnedOffOnlyWithAProof()
    {
        const string email = "two.sessions@mittkoping.example";
        await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var laptop = app.NewClient();
        await laptop.FollowAsync(await laptop.SignInWithPasswordAsync(email, Password));
        using var phone = app.NewClient();
        var phoneCookie = await AuthCookieAsync(await phone.SignInWithPasswordAsync(email, Password));

        await laptop.SetUpTwoFactorAsync();
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(phoneCookie));

        // Turning it off with only the session (no code, no password) is refused and changes nothing.
        var refused = await EnsaClient.ParseAsync(await laptop.SubmitAsync("/Account/TwoFactor", "form[action*=Disable]", new Dictionary<string, string> { ["confirm"] = "true" }));
        Assert.Contains("stämmer inte", EnsaClient.Text(refused, ".error"), StringComparison.Ordinal);
        refused = await EnsaClient.ParseAsync(await laptop.SubmitAsync("/Account/TwoFactor", "form[action*=Disable]", new Dictionary<string, string> { ["confirm"] = "true", ["Proof"] = "fel lösenord" }));
        Assert.Contains("stämmer inte", EnsaClient.Text(refused, ".error"), StringComparison.Ordinal);
        Assert.True((await app.StoredAsync<EnsaUser>(u => u.Email == email)).TwoFactorEnabled);
        await laptop.FollowAsync(await laptop.SubmitAsync("/Account/TwoFactor", "form[action*=Disable]", new Dictionary<string, string> { ["confirm"] = "true", ["Proof"] = Password }));
        Assert.False((await app.StoredAsync<EnsaUser>(u => u.Email == email)).TwoFactorEnabled);
    }
}

/// <summary>Finding 2: every link in every e-mail is built from Ensa:PublicUrl; a forged Host is refused and a forged
/// X-Forwarded-Host is ignored.</summary>
public sealed partial class PublicLinkTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "länkar från rätt ställe";

    private async Task<HttpResponseMessage> PostForgotAsync(string email, Action<HttpRequestMessage> forge)
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/Account/ForgotPassword");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Email"] = email }),
        };
        forge(request);
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task ForgotPassword_ForgedHost_IsRefusedAndSendsNothing()
    {
        await app.CreateUserWithPasswordAsync("forged.host@mittkoping.example", Password, Role.Requester);
        var response = await PostForgotAsync("forged.host@mittkoping.example", r => r.Headers.Host = "evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.IsStoredAsync<OutboxMessage>(m => m.To == "forged.host@mittkoping.example"));
    }

    [Fact]
    public async Task ForgotPassword_ForgedForwardedHost_LinkStillGoesToEnsa()
    {
        await app.CreateUserWithPasswordAsync("forwarded@mittkoping.example", Password, Role.Requester);
        var response = await PostForgotAsync("forwarded@mittkoping.example", r =>
        {
            r.Headers.Add("X-Forwarded-Host", "evil.example");
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-For", "203.0.113.9");
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await app.OnlyMailBodyToAsync("forwarded@mittkoping.example");
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        Assert.Matches(@"http://localhost/Account/ResetPassword\?", body);
    }

    [Fact]
    public async Task Invitation_ForgedForwardedHost_LinkStillGoesToEnsa()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        admin.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        await admin.FollowAsync(await admin.SubmitAsync("/Admin/Users/Invite", "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "forwarded.invite@mittkoping.example", ["Input.DisplayName"] = "Vidare Befordrad", ["Role.Role"] = "Requester", ["Role.UnitId"] = "",
        }));
        var body = await app.OnlyMailBodyToAsync("forwarded.invite@mittkoping.example");
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
        Assert.Contains("http://localhost/Account/AcceptInvitation?token=", body, StringComparison.Ordinal);
        // Swedish first, English below: the person may have no account, so no language setting yet.
        Assert.True(body.IndexOf("Hej Vidare Befordrad", StringComparison.Ordinal) < body.IndexOf("Hello Vidare Befordrad", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_OutsideDevelopmentWithoutPublicUrl_IsRefusedWithWhatToSet()
    {
        using var factory = new EnsaAppFactory().WithWebHostBuilder(b => b.UseSetting("Ensa:PublicUrl", ""));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        while (error.InnerException is not null && !error.Message.Contains("Ensa:PublicUrl", StringComparison.Ordinal)) error = error.InnerException;
        Assert.Contains("Ensa:PublicUrl is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ensa__PublicUrl", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Finding 11: a sign-in costs one password hash whatever the account (unknown, without password, locked or
/// real), so its time tells nothing about which accounts exist. Counted, not timed.</summary>
public sealed class SignInWorkTests(SignInWorkTests.CountingFactory app) : IClassFixture<SignInWorkTests.CountingFactory>
{
    public sealed class CountingHasher : IPasswordHasher<EnsaUser>
    {
        private readonly PasswordHasher<EnsaUser> _inner = new();
        private int _verifications;
        public int Verifications => _verifications;
        public string HashPassword(EnsaUser user, string password) => _inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(EnsaUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public sealed class CountingFactory : EnsaAppFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IPasswordHasher<EnsaUser>>(Hasher));
        }
    }

    private async Task<int> HashesForAsync(string email, string password)
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/Account/Login");
        var before = app.Hasher.Verifications;
        var response = await client.SubmitAsync("/Account/Login", page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("main form").First(f => !f.Action.Contains("Demo", StringComparison.Ordinal)),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return app.Hasher.Verifications - before;
    }

    [Fact]
    public async Task SignIn_EveryKindOfFailure_CostsOneHash()
    {
        await app.CreateUserWithPasswordAsync("real@mittkoping.example", "det riktiga lösenordet", Role.Requester);
        Assert.Equal(1, await HashesForAsync("real@mittkoping.example", "fel lösenord här"));
        Assert.Equal(1, await HashesForAsync("nobody.here@mittkoping.example", "fel lösenord här"));
        // A demo account has no password (it signs in by the demo button only).
        Assert.Equal(1, await HashesForAsync("anna.lindberg@mittkoping.example", "fel lösenord här"));
        for (var i = 0; i < 4; i++) await HashesForAsync("real@mittkoping.example", "fel lösenord här");
        Assert.Equal(1, await HashesForAsync("real@mittkoping.example", "det riktiga lösenordet")); // locked now
    }
}
