using System.Globalization;
using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using Ensa.Demo;
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
        // Other tests add units and suppliers: the figures are what the database holds now.
        var units = await Data.SchoolUnitCountAsync(DemoData.MittkopingSlug);
        await Expect(start.Figure("Skolenheter")).ToHaveTextAsync(units.ToString(CultureInfo.InvariantCulture));
        await Expect(start.Figure("Leverantörer")).ToHaveTextAsync((await Data.SupplierCountAsync()).ToString(CultureInfo.InvariantCulture));
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
