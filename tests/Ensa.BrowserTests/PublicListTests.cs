using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

public sealed class PublicListTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Heading = "Godkända lärresurser – Mittköpings kommun";

    [Fact]
    public async Task Guardian_WithoutSignIn_FindsAResourceAndItsConditions()
    {
        var parent = await NewVisitorAsync();
        var list = await PublicListPage.OpenAsync(parent, "mittkoping", Heading);
        await Screenshots.SaveAsync(parent.Page, "public-list");

        await list.SearchAsync("Ämne", "samhäll", Heading);
        await Expect(list.Results).ToHaveCountAsync(1);

        var resource = await list.OpenAsync("Nordlär Samhälle 7–9, digital del");
        await Expect(resource.Decision).ToContainTextAsync("Godkänd med villkor");
        await Expect(resource.Decision).ToContainTextAsync("avidentifierade konton");
        await Expect(resource.Fact("Personuppgiftsbiträdesavtal")).ToHaveTextAsync("Finns och gäller");
        await Screenshots.SaveAsync(parent.Page, "public-resource");

        await resource.ChooseLanguageAsync("English");
        await parent.ArriveAsync("Nordlär Samhälle 7–9, digital del");
        await Expect(parent.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Personal data" })).ToBeVisibleAsync();
    }
}
