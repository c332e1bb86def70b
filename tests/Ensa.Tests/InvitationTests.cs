using System.Net;
using System.Text.RegularExpressions;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Tests.Infrastructure;

namespace Ensa.Tests;

/// <summary>An organizer admin invites a person; the e-mail's one-time link lets them in, once.</summary>
public sealed partial class InvitationTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    private const string Password = "sommarlov i augusti";

    private static async Task<HttpResponseMessage> InviteAsync(EnsaClient admin, string email, string name, string role = "Requester", string unit = "")
        => await admin.SubmitAsync("/Admin/Users/Invite", "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = name,
            ["Role.Role"] = role,
            ["Role.UnitId"] = unit,
        });

    private async Task<string> InvitationLinkAsync(string email)
    {
        var body = await app.OnlyMailBodyToAsync(email);
        return new Uri(Link().Match(body).Value).PathAndQuery;
    }

    [Fact]
    public async Task Invite_NewPerson_MailsAOneTimeLinkThatSignsThemIn()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var users = await admin.FollowAsync(await InviteAsync(admin, "new.teacher@mittkoping.example", "Nina Ny"));
        Assert.Contains("new.teacher@mittkoping.example", users.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nina Ny", users.QuerySelectorAll("table")[^1].TextContent, StringComparison.Ordinal);

        // The e-mail leaves through the outbox to the pickup folder.
        // (The demo data's own notices are queued before it: send batches until the outbox is empty.)
        var sent = 0;
        for (var batch = await app.DispatchMailAsync(); batch > 0; batch = await app.DispatchMailAsync()) sent += batch;
        Assert.True(sent >= 1);
        var eml = Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == "new.teacher@mittkoping.example"));
        Assert.Equal("Inbjudan till Ensa från Mittköpings kommun", eml.Subject);
        Assert.Contains("Hej Nina Ny!", eml.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await app.StoredAsync<OutboxMessage>(m => m.To == "new.teacher@mittkoping.example")).SentAt);

        var link = await InvitationLinkAsync("new.teacher@mittkoping.example");
        using var invited = app.NewClient();
        var accept = await invited.GetPageAsync(link);
        Assert.Contains("Mittköpings kommun", accept.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
        var start = await invited.FollowAsync(await invited.SubmitAsync(link, "main form", new Dictionary<string, string>
        {
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }));
        Assert.Equal("Välkommen, Nina Ny", start.QuerySelector("h1")!.TextContent);

        // The link works once; afterwards the password does.
        using var again = app.NewClient();
        var used = await again.GetPageAsync(link);
        Assert.Contains("redan använts", used.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        await again.FollowAsync(await again.SignInWithPasswordAsync("new.teacher@mittkoping.example", Password));
    }

    [Fact]
    public async Task Invitation_ExistingAccount_NeverSignsInByTheLinkAlone()
    {
        // A Mittköping user with a password; Lärande Norr's admin invites her too.
        const string email = "both.organizers@mittkoping.example";
        await app.CreateUserWithPasswordAsync(email, Password, Role.Requester);
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        await admin.FollowAsync(await InviteAsync(admin, email, "Båda Huvudmännen", "CentralReviewer"));
        var link = await InvitationLinkAsync(email);
        using var invited = app.NewClient();
        var page = await invited.GetPageAsync(link);
        Assert.Empty(page.QuerySelectorAll("input[name='Input.Password']"));
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.StartsWith("/Account/Login?returnUrl=", page.QuerySelector("main a.button")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await invited.Http.GetAsync("/")).StatusCode);
        Assert.Null((await app.StoredAsync<Invitation>(i => i.Email == email)).AcceptedAt);
    }

    [Fact]
    public async Task Invitation_AfterSevenDays_IsRefused()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        await admin.FollowAsync(await InviteAsync(admin, "late@mittkoping.example", "Sen Person"));
        var link = await InvitationLinkAsync("late@mittkoping.example");
        app.Clock.Offset = TimeSpan.FromDays(8);
        try
        {
            using var invited = app.NewClient();
            var page = await invited.GetPageAsync(link);
            Assert.Contains("gått ut", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(page.QuerySelectorAll("input[name='Input.Password']"));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Invitation_UnknownToken_IsRefused()
    {
        using var client = app.NewClient();
        var page = await client.GetPageAsync("/Account/AcceptInvitation?token=deadbeef");
        Assert.Contains("ogiltig", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_ShortPassword_ExplainsTheRule()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        await admin.FollowAsync(await InviteAsync(admin, "short@mittkoping.example", "Kort Lösen"));
        var link = await InvitationLinkAsync("short@mittkoping.example");
        using var invited = app.NewClient();
        var response = await invited.SubmitAsync(link, "main form", new Dictionary<string, string>
        {
            ["Input.Password"] = "kort",
            ["Input.ConfirmPassword"] = "kort",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await EnsaClient.ParseAsync(response);
        Assert.Contains("minst 12 tecken", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
        Assert.Null((await app.StoredAsync<Invitation>(i => i.Email == "short@mittkoping.example")).AcceptedAt);
    }

    [Fact]
    public async Task Invite_PrincipalWithoutSchoolUnit_IsRefusedWithAReason()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var response = await InviteAsync(admin, "rektor@mittkoping.example", "Ny Rektor", "Principal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await EnsaClient.ParseAsync(response);
        Assert.Contains("välj skolenheten", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<Invitation>(i => i.Email == "rektor@mittkoping.example"));
    }

    [Fact]
    public async Task Invite_BadEmail_SaysHowToFixIt()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var page = await EnsaClient.ParseAsync(await InviteAsync(admin, "inte-en-adress", "Någon"));
        Assert.Contains("Skriv en giltig e-postadress", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_UnknownRole_IsRefusedInSwedish()
    {
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var page = await EnsaClient.ParseAsync(await InviteAsync(admin, "okand.roll@mittkoping.example", "Okänd Roll", "Kung"));
        Assert.Contains("Värdet ”Kung” går inte att använda", EnsaClient.Text(page, ".error"), StringComparison.Ordinal);
        Assert.False(await app.IsStoredAsync<EnsaUser>(u => u.Email == "okand.roll@mittkoping.example"));
    }

    [GeneratedRegex(@"https?://\S+AcceptInvitation\?token=[0-9a-f]+")]
    private static partial Regex Link();
}

/// <summary>Giving and taking roles.</summary>
public sealed class RoleAdminTests(EnsaAppFactory app) : IClassFixture<EnsaAppFactory>
{
    [Fact]
    public async Task Role_AddedThenRemovedAfterConfirmation_TakesEffectAtOnce()
    {
        var anna = await app.UserIdAsync("anna.lindberg@mittkoping.example");
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        using var annaClient = await app.SignInAs(Roles.Requester);
        Assert.Equal(HttpStatusCode.Redirect, (await annaClient.Http.GetAsync("/Admin/Users")).StatusCode);

        var url = $"/Admin/Users/Roles/{anna}";
        await admin.FollowAsync(await admin.SubmitAsync(url, "form[action*=Add]", new Dictionary<string, string> { ["Role.Role"] = "OrganizerAdmin", ["Role.UnitId"] = "" }));
        Assert.Equal(HttpStatusCode.OK, (await annaClient.Http.GetAsync("/Admin/Users")).StatusCode);

        var membership = (await app.StoredAsync<Membership>(m => m.UserId == anna && m.Role == Role.OrganizerAdmin)).Id;
        var confirm = await admin.GetPageAsync($"{url}?remove={membership}");
        Assert.NotNull(confirm.QuerySelector(".confirm button.danger"));
        await admin.FollowAsync(await admin.SubmitAsync($"{url}?remove={membership}", ".confirm form"));
        Assert.Equal(HttpStatusCode.Redirect, (await annaClient.Http.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task Role_RemovingTheLastAdmin_IsRefused()
    {
        var fredrik = await app.UserIdAsync("fredrik.ahlgren@larandenorr.example");
        using var admin = await app.SignInAs(Roles.OrganizerAdmin, "Lärande Norr AB");
        var membership = (await app.StoredAsync<Membership>(m => m.UserId == fredrik && m.Role == Role.OrganizerAdmin)).Id;
        var url = $"/Admin/Users/Roles/{fredrik}?remove={membership}";
        var page = await EnsaClient.ParseAsync(await admin.SubmitAsync(url, ".confirm form"));
        Assert.Contains("minst en administratör", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.IsStoredAsync<Membership>(m => m.Id == membership));
    }

    [Fact]
    public async Task Role_SameRoleTwice_IsRefused()
    {
        var anna = await app.UserIdAsync("anna.lindberg@mittkoping.example");
        var unit = await app.UnitIdAsync("Ekbackeskolan F–3");
        using var admin = await app.SignInAs(Roles.OrganizerAdmin);
        var page = await EnsaClient.ParseAsync(await admin.SubmitAsync($"/Admin/Users/Roles/{anna}", "form[action*=Add]",
            new Dictionary<string, string> { ["Role.Role"] = "Requester", ["Role.UnitId"] = unit.ToString() }));
        Assert.Contains("redan den rollen", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
    }
}
