using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

public sealed class NavigationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task OrganizerAdmin_FollowsMainMenu_EveryPageLoadsAndIsAccessible()
    {
        var supplier = await Data.AddSupplierAsync();
        var lisa = await NewVisitorAsync();
        var start = await (await LoginPage.OpenAsync(lisa)).SignInAsDemoAsync("Administratör", "Mittköpings kommun", "Lisa Ekström");

        await start.FollowMenuAsync("Enheter");
        var units = await UnitsPage.ExpectAsync(lisa);
        await Expect(units.UnitLink("Utbildningsförvaltningen")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(lisa.Page, "units");

        var unit = await units.OpenUnitAsync("Ekbackeskolan F–3");
        await Expect(unit.Person("Karin Holm")).ToBeVisibleAsync();

        await unit.FollowMenuAsync("Leverantörer");
        var suppliers = await SuppliersPage.ExpectAsync(lisa);
        await Expect(suppliers.Caption).ToHaveTextAsync($"{await Data.SupplierCountAsync()} leverantörer");
        await Expect(suppliers.Row(supplier.Name)).ToBeVisibleAsync();

        await suppliers.FollowMenuAsync("Användare");
        await UsersPage.ExpectAsync(lisa);

        await suppliers.FollowMenuAsync("Organisationsträd");
        await lisa.ArriveAsync("Huvudmannens enheter");

        await suppliers.FollowMenuAsync("Ändringslogg");
        await AuditPage.ExpectAsync(lisa);
        await Screenshots.SaveAsync(lisa.Page, "audit");

        await suppliers.FollowMenuAsync("Start");
        await StartPage.ExpectAsync(lisa, "Lisa Ekström");
    }
}
