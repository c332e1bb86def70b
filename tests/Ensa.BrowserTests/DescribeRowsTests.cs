using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

/// <summary>The supplier's description form with JavaScript: rows are added and removed without saving, and what is
/// saved is the rows as they stand, numbered without gaps.</summary>
public sealed class DescribeRowsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string SubProcessors = "Underbiträden";

    [Fact]
    public async Task SubProcessors_AddTwoRemoveOne_SavedAsTheyStand()
    {
        var elin = await NewVisitorAsync();
        await (await LoginPage.OpenAsync(elin)).SignInAsDemoAsync("Leverantör", "Sagoväven AB", "Elin Svahn");
        await elin.GotoAsync("/Supplier");
        await elin.ArriveAsync("Leverantörsportalen");
        await elin.ClickToNavigateAsync(elin.Page.GetByRole(AriaRole.Link, new() { Name = "Sagoväven Bokstavslek", Exact = true }));
        var describe = await DescribePage.ExpectAsync(elin, "Sagoväven Bokstavslek");

        var rows = await describe.Rows(SubProcessors).CountAsync();
        await describe.AddRowAsync(SubProcessors);
        await describe.AddRowAsync(SubProcessors);
        await Expect(describe.Rows(SubProcessors)).ToHaveCountAsync(rows + 2);
        // The new rows are numbered on: their fields are named for rows rows and rows + 1.
        var name = TestData.Unique("Fjordsky AS");
        await describe.Row(SubProcessors, rows + 1, "Namn").FillAsync("Tas bort AB");
        await describe.Row(SubProcessors, rows + 2, "Namn").FillAsync(name);
        await describe.Row(SubProcessors, rows + 2, "Organisationsnummer").FillAsync("923 609 016");
        await describe.Row(SubProcessors, rows + 2, "Land").SelectOptionAsync("NO");
        await Expect(describe.Row(SubProcessors, rows + 2, "Namn")).ToHaveAttributeAsync("name", $"Input.SubProcessors[{rows + 1}].Name");

        // Removing a row renumbers the rest, so the post has no gap and nothing is lost.
        await describe.RemoveRowAsync(SubProcessors, rows + 1);
        await Expect(describe.Rows(SubProcessors)).ToHaveCountAsync(rows + 1);
        await Expect(describe.Row(SubProcessors, rows + 1, "Namn")).ToHaveValueAsync(name);
        await Expect(describe.Row(SubProcessors, rows + 1, "Namn")).ToHaveAttributeAsync("name", $"Input.SubProcessors[{rows}].Name");
        await elin.AssertAccessibleAsync();

        describe = await describe.SaveAsync();
        await Expect(elin.Page.GetByRole(AriaRole.Group, new() { Name = SubProcessors, Exact = true })
            .GetByRole(AriaRole.Textbox, new() { Name = "Namn", Exact = true }).And(elin.Page.Locator($"[value='{name}']"))).ToHaveCountAsync(1);
        await Expect(elin.Page.Locator("input[value='Tas bort AB']")).ToHaveCountAsync(0);
        await Expect(elin.Page.Locator($"fieldset.row:has(input[value='{name}']) select[name$='CountryCode']")).ToHaveValueAsync("NO");
    }
}
