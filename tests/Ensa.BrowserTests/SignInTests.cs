using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

public sealed class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task DemoAdmin_SignsIn_SeesStartPageInSwedishAndEnglish()
    {
        var lisa = await NewVisitorAsync();
        var login = await LoginPage.OpenAsync(lisa);
        await Expect(login.LanguageButton("Svenska")).ToHaveAttributeAsync("aria-pressed", "true");
        await Screenshots.SaveAsync(lisa.Page, "login");

        var start = await login.SignInAsDemoAsync("Administratör", "Mittköpings kommun", "Lisa Ekström");
        await Expect(start.ActingFor("Mittköpings kommun")).ToBeVisibleAsync();
        await Expect(start.Figure("Skolenheter")).ToHaveTextAsync("12");
        await Expect(start.Figure("Leverantörer")).ToHaveTextAsync("6");
        await Screenshots.SaveAsync(lisa.Page, "start-sv");

        await start.ChooseLanguageAsync("English");
        await StartPage.ExpectAsync(lisa, "Lisa Ekström", language: "en");
        await Expect(lisa.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Screenshots.SaveAsync(lisa.Page, "start-en");

        await start.ChooseLanguageAsync("Svenska");
        await StartPage.ExpectAsync(lisa, "Lisa Ekström");
        await Expect(lisa.Page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
    }
}
