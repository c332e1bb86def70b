using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

public sealed partial class InvitationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task OrganizerAdmin_InvitesUser_InviteeFollowsMailedLinkAndIsSignedIn()
    {
        var name = TestData.Unique("Maja Forsberg");
        var email = $"maja.{name[^8..]}@mittkoping.example";

        var lisa = await NewVisitorAsync();
        var start = await (await LoginPage.OpenAsync(lisa)).SignInAsDemoAsync("Administratör", "Mittköpings kommun", "Lisa Ekström");
        await start.FollowMenuAsync("Användare");
        var users = await UsersPage.ExpectAsync(lisa);

        var invite = await users.StartInvitationAsync();
        await Screenshots.SaveAsync(lisa.Page, "invite");
        users = await invite.InviteAsync(email, name, role: "Beställare", unit: "Ekbackeskolan F–3");
        await Expect(users.Notice).ToHaveTextAsync($"Inbjudan till {email} är skickad.");
        await Expect(users.InvitationRow(email)).ToContainTextAsync("Gäller till");
        await Screenshots.SaveAsync(lisa.Page, "users");

        var mail = await WaitForMailAsync(email);
        Assert.Equal("Inbjudan till Ensa från Mittköpings kommun", mail.Subject);
        Assert.Contains($"Hej {name}!", mail.Text, StringComparison.Ordinal);
        var link = InvitationLink().Match(mail.Text);
        Assert.True(link.Success, $"No invitation link in the e-mail:{Environment.NewLine}{mail.Text}");
        Assert.StartsWith(Fixture.BaseAddress.ToString(), link.Value, StringComparison.Ordinal);

        var maja = await NewVisitorAsync();
        var accept = await AcceptInvitationPage.OpenAsync(maja, link.Value);
        await Expect(accept.Intro("Mittköpings kommun", "Beställare", email)).ToBeVisibleAsync();
        var majasStart = await accept.AcceptWithPasswordAsync("en lång och hemlig fras", name);
        await Expect(majasStart.ActingFor("Mittköpings kommun")).ToBeVisibleAsync();
        await Expect(maja.Page.GetByText("Dina roller: Beställare.")).ToBeVisibleAsync();

        // The admin sees the invitation accepted.
        await lisa.Page.ReloadAsync();
        users = await UsersPage.ExpectAsync(lisa);
        await Expect(users.InvitationRow(email)).ToContainTextAsync("Antagen");
    }

    [GeneratedRegex(@"https?://\S+/Account/AcceptInvitation\?token=[^\s""<>]+")]
    private static partial Regex InvitationLink();
}
