using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

public sealed class OrganizerSwitchTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task UserOfTwoOrganizers_SwitchesOrganizer_StartPageShowsTheOther()
    {
        var ahmed = await NewVisitorAsync();
        var login = await LoginPage.OpenAsync(ahmed);
        var start = await login.SignInAsDemoAsync("Informationssäkerhetssamordnare", "Mittköpings kommun", "Ahmed Karimi");

        // The demo button lands at the organizer it names.
        await Expect(start.ActingFor("Mittköpings kommun")).ToBeVisibleAsync();
        await Expect(start.Figure("Skolenheter")).ToHaveTextAsync("12");

        await start.SwitchOrganizerAsync("Lärande Norr AB");
        start = await StartPage.ExpectAsync(ahmed, "Ahmed Karimi");
        await Expect(start.ActingFor("Lärande Norr AB")).ToBeVisibleAsync();
        await Expect(start.Figure("Skolenheter")).ToHaveTextAsync("3");
        await Expect(start.OrganizerSelect.GetByRole(AriaRole.Option, new() { Name = "Lärande Norr AB", Selected = true })).ToHaveCountAsync(1);

        // The choice holds on the next page too.
        await start.FollowMenuAsync("Enheter");
        var units = await UnitsPage.ExpectAsync(ahmed);
        await Expect(units.UnitLink("Lärande Norr Umeå")).ToBeVisibleAsync();
        await Expect(units.UnitLink("Ekbackeskolan F–3")).ToHaveCountAsync(0);
    }
}
