using System.Globalization;
using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using Ensa.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

public sealed class OrganizerSwitchTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task UserOfTwoOrganizers_SwitchesOrganizer_StartPageShowsTheOther()
    {
        var unit = await Data.AddSchoolUnitAsync(DemoData.LarandeNorrSlug);
        var ahmed = await NewVisitorAsync();
        var login = await LoginPage.OpenAsync(ahmed);
        var start = await login.SignInAsDemoAsync("Informationssäkerhetssamordnare", "Mittköpings kommun", "Ahmed Karimi");

        // The demo button lands at the organizer it names.
        await Expect(start.ActingFor("Mittköpings kommun")).ToBeVisibleAsync();
        await Expect(start.Figure("Skolenheter")).ToHaveTextAsync(await CountAsync(DemoData.MittkopingSlug));

        await start.SwitchOrganizerAsync("Lärande Norr AB");
        start = await StartPage.ExpectAsync(ahmed, "Ahmed Karimi");
        await Expect(start.ActingFor("Lärande Norr AB")).ToBeVisibleAsync();
        await Expect(start.Figure("Skolenheter")).ToHaveTextAsync(await CountAsync(DemoData.LarandeNorrSlug));
        await Expect(start.OrganizerSelect.GetByRole(AriaRole.Option, new() { Name = "Lärande Norr AB", Selected = true })).ToHaveCountAsync(1);

        // The choice holds on the next page too.
        await start.FollowMenuAsync("Enheter");
        var units = await UnitsPage.ExpectAsync(ahmed);
        await Expect(units.UnitLink(unit.Name)).ToBeVisibleAsync();
        await Expect(units.UnitLink("Ekbackeskolan F–3")).ToHaveCountAsync(0);
    }

    /// <summary>Other tests add units: the figure is what the database holds now.</summary>
    private async Task<string> CountAsync(string organizerSlug) =>
        (await Data.SchoolUnitCountAsync(organizerSlug)).ToString(CultureInfo.InvariantCulture);
}
