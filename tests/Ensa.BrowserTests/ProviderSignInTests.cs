using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using Ensa.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

/// <summary>Sign-in through an organizer's own OpenID Connect provider: the test provider of the integration tests
/// (OpenIddict on loopback), which signs the person named by the login hint in without a page of its own.</summary>
public sealed class ProviderSignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task OrganizerAdmin_AddsProvider_StaffSignsInWithTheirEmailThroughIt_AsRequester()
    {
        BrowserFixture.RequireBrowser();
        await using var idp = await OidcProvider.StartAsync(Fixture.BaseAddress);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var domain = $"sso{suffix}.example";
        var button = TestData.Unique("Kommunens inloggning");

        var lisa = await NewVisitorAsync();
        await (await LoginPage.OpenAsync(lisa)).SignInAsDemoAsync("Administratör", "Mittköpings kommun", "Lisa Ekström");
        var settings = await SignInSettingsPage.OpenAsync(lisa);
        var edit = await settings.AddProviderAsync();
        settings = await edit.SaveAsync(button, idp.Authority, OidcProvider.ClientId, OidcProvider.ClientSecret, domain);
        await Expect(settings.Notice).ToHaveTextAsync($"{button} är sparad.");
        await Expect(settings.ProviderRow(button)).ToContainTextAsync(domain);

        // A teacher nobody has imported: the first sign-in makes a Requester account at the provider's organizer.
        var name = $"Lärare {suffix}";
        var email = $"larare@{domain}";
        idp.Add(new OidcUser(Guid.NewGuid().ToString("N"), name, email));
        var teacher = await NewVisitorAsync();
        var start = await (await LoginPage.OpenAsync(teacher)).SignInThroughProviderAsync(email, name);
        await Expect(start.ActingFor("Mittköpings kommun")).ToBeVisibleAsync();
        await Expect(teacher.Page.GetByText("Dina roller: Beställare.")).ToBeVisibleAsync();
    }
}
