using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using Ensa.Demo;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

public sealed class PublicListTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Heading = "Godkända lärresurser – Mittköpings kommun";

    [Fact]
    public async Task Guardian_WithoutSignIn_FindsAResourceAndItsConditions()
    {
        // Two resources approved at a unit of their own: one about society, one that the search must leave out.
        var unit = await Data.AddSchoolUnitAsync(DemoData.MittkopingSlug);
        var society = await Data.AddResourceAsync("Samhällsboken", subjects: "Samhällskunskap");
        var reading = await Data.AddResourceAsync("Läsboken", subjects: "Svenska");
        await Data.ApproveWithConditionsAsync(society, unit, "Elever med skyddad identitet använder avidentifierade konton.");
        await Data.ApproveWithConditionsAsync(reading, unit, "Endast skolkonton.");

        var parent = await NewVisitorAsync();
        var list = await PublicListPage.OpenAsync(parent, "mittkoping", Heading);
        await Screenshots.SaveAsync(parent.Page, "public-list");

        await list.SearchAsync("Ämne", "samhäll", Heading);
        await Expect(list.Result(society.Name)).ToHaveCountAsync(1);
        await Expect(list.Result(reading.Name)).ToHaveCountAsync(0);

        var resource = await list.OpenAsync(society.Name);
        await Expect(resource.Decision).ToContainTextAsync("Godkänd med villkor");
        await Expect(resource.Decision).ToContainTextAsync("avidentifierade konton");
        await Expect(resource.Fact("Personuppgiftsbiträdesavtal")).ToHaveTextAsync("Finns och gäller");
        await Screenshots.SaveAsync(parent.Page, "public-resource");

        await resource.ChooseLanguageAsync("English");
        await parent.ArriveAsync(society.Name);
        await Expect(parent.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Personal data" })).ToBeVisibleAsync();
    }
}
