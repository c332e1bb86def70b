using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Ensa.BrowserTests.Pages;
using Ensa.Demo;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests;

public sealed partial class PrivacyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task CentralUser_RunsARemovalRequestToCompletion()
    {
        // A resource in use at a unit of its own, whose local system administrator has no Ensa account.
        var unit = await Data.AddSchoolUnitAsync(DemoData.MittkopingSlug);
        var resource = await Data.AddResourceAsync();
        var administrator = TestData.Unique("Petra Sjöberg");
        var administratorEmail = $"petra.{administrator[^8..]}@mittkoping.example";
        await Data.ApproveWithConditionsAsync(resource, unit, "Inga känsliga uppgifter i fritext.", (administrator, administratorEmail));
        var reference = $"BUN 2026/{Guid.NewGuid().ToString("N")[..8]}";

        var sara = await NewVisitorAsync();
        var start = await (await LoginPage.OpenAsync(sara)).SignInAsDemoAsync("Central granskare", "Mittköpings kommun", "Sara Nilsson");
        await start.FollowMenuAsync("Registrerades rättigheter");
        var privacy = await PrivacyPage.ExpectAsync(sara);
        var rightsCase = await privacy.RecordRemovalAsync(reference, unit.Name);
        await Expect(rightsCase.Progress).ToHaveTextAsync("0 av 1");
        await Screenshots.SaveAsync(sara.Page, "privacy-case");

        var mail = await WaitForMailAsync(administratorEmail, reference);
        var link = TaskLink().Match(mail.Text);
        Assert.True(link.Success, mail.Text);
        // No personal identity number anywhere but in the link's random token (which may hold long runs of digits).
        Assert.DoesNotMatch(@"\d{6,8}-?\d{4}", mail.Text.Replace(link.Value, "", StringComparison.Ordinal));
        var heading = $"Radera uppgifter i {resource.Name}";
        var petra = await NewVisitorAsync();
        var task = await TaskAnswerPage.OpenAsync(petra, link.Value, heading);
        await Screenshots.SaveAsync(petra.Page, "privacy-task");
        await task.AnswerRemovedAsync("Kontot borttaget i tjänsten.", heading);
        await Expect(task.Done).ToContainTextAsync("Uppgiften är besvarad");

        await sara.Page.ReloadAsync();
        await sara.ArriveAsync($"Ärende {reference}");
        await Expect(rightsCase.Progress).ToHaveTextAsync("1 av 1");
        await Expect(rightsCase.State).ToContainTextAsync("Avslutat");
        await rightsCase.OpenReportAsync(reference);
        await Expect(sara.Page.GetByRole(Microsoft.Playwright.AriaRole.Cell, new() { Name = "Kontot borttaget i tjänsten." })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(sara.Page, "privacy-report");
    }

    [GeneratedRegex(@"https?://\S+/Tasks/[0-9a-f]{64}")]
    private static partial Regex TaskLink();
}
