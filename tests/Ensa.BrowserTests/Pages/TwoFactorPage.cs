using Ensa.BrowserTests.Infrastructure;
using Ensa.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Account/TwoFactor: setting up an authenticator app, where the two-factor gate sends a user who needs it.</summary>
public sealed class TwoFactorPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Tvåstegsverifiering";

    public static async Task<TwoFactorPage> ExpectRequiredAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        await Expect(visitor.Page.Locator("#two-factor-required")).ToBeVisibleAsync();
        return new TwoFactorPage(visitor);
    }

    /// <summary>Does what the user's authenticator app does with the shown key, enters the code, and goes on from the
    /// recovery codes to where the gate stopped them.</summary>
    public async Task SetUpAndContinueAsync()
    {
        var key = await Page.Locator("code.key").TextContentAsync() ?? "";
        await Page.GetByLabel("Kod från autentiseringsappen", new() { Exact = true }).FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Slå på tvåstegsverifiering", Exact = true }));
        await Expect(Page.Locator("ul.codes li")).ToHaveCountAsync(10);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Jag har sparat koderna – fortsätt", Exact = true }));
    }
}
