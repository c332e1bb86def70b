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

    public ILocator Intro(string organizer, string email) => Page.GetByText($"Du är inbjuden till {organizer} i Ensa. Ditt konto är {email}.");

    public async Task<StartPage> AcceptWithPasswordAsync(string password, string displayName)
    {
        await Page.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Upprepa lösenordet", new() { Exact = true }).FillAsync(password);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Anta inbjudan", Exact = true }));
        return await StartPage.ExpectAsync(Visitor, displayName);
    }
}
