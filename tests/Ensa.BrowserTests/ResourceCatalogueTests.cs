using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

public sealed class ResourceCatalogueTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Teacher_SearchesTheCatalogue_OpensAResource_AndRequestsIt()
    {
        var mathematics = await Data.AddResourceAsync("Matteträningen", subjects: "Matematik");
        var anna = await NewVisitorAsync();
        var start = await (await LoginPage.OpenAsync(anna)).SignInAsDemoAsync("Beställare", "Mittköpings kommun", "Anna Lindberg");

        await start.FollowMenuAsync("Lärresurser");
        var resources = await ResourcesPage.ExpectAsync(anna);
        await Screenshots.SaveAsync(anna.Page, "resources");
        await resources.SearchAsync("matematik");
        await Expect(resources.Row(mathematics.Name)).ToContainTextAsync("Inte granskad hos oss");
        await Expect(resources.Row("Sagoväven Läsresan")).ToHaveCountAsync(0);

        var resource = await resources.OpenAsync(mathematics.Name);
        await Expect(resource.DecisionHere).ToContainTextAsync("har inte prövat");
        await Expect(resource.Fact("Leverantör")).ToHaveTextAsync($"{mathematics.Supplier.Name} (Sverige)");
        await Screenshots.SaveAsync(anna.Page, "resource");

        await resource.RequestItAsync();
        await Expect(anna.Page.GetByText("Vald lärresurs:")).ToContainTextAsync(mathematics.Name);
    }
}
