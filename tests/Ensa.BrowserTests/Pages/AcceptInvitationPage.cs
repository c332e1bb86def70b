using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Account/AcceptInvitation?token=…: the one-time link from the invitation e-mail.</summary>
public sealed class AcceptInvitationPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Inbjudan till Ensa";

    public static async Task<AcceptInvitationPage> OpenAsync(Visitor visitor, string link)
    {
        await visitor.GotoAsync(link);
        await visitor.ArriveAsync(Heading);
        return new AcceptInvitationPage(visitor);
    }

    public ILocator Intro(string invitedTo, string role, string email) =>
        Page.GetByText($"Du är inbjuden till {invitedTo} i Ensa som {role}. Inbjudan gäller {email}.");

    public async Task<StartPage> AcceptWithPasswordAsync(string password, string displayName)
    {
        await ChoosePasswordAndAcceptAsync(password);
        return await StartPage.ExpectAsync(Visitor, displayName);
    }

    /// <summary>A new account for a supplier's person: every supplier user needs two-factor, so it is set up first, and
    /// then the account lands in the supplier portal.</summary>
    public async Task<SupplierPortalPage> AcceptForSupplierAsync(string password)
    {
        await ChoosePasswordAndAcceptAsync(password);
        await (await TwoFactorPage.ExpectRequiredAsync(Visitor)).SetUpAndContinueAsync();
        return await SupplierPortalPage.ExpectAsync(Visitor);
    }

    private async Task ChoosePasswordAndAcceptAsync(string password)
    {
        await Page.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Upprepa lösenordet", new() { Exact = true }).FillAsync(password);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Anta inbjudan", Exact = true }));
    }
}
