using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Account/Login: password sign-in and, in demo mode, one button per demo account.</summary>
public sealed class LoginPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Logga in";

    public static async Task<LoginPage> OpenAsync(Visitor visitor)
    {
        await visitor.GotoAsync("/Account/Login");
        await visitor.ArriveAsync(Heading);
        return new LoginPage(visitor);
    }

    /// <summary>The demo button reads the role (in Swedish) and the organizer, e.g. "Administratör Mittköpings kommun".</summary>
    public ILocator DemoButton(string role, string organizer) =>
        Page.GetByRole(AriaRole.Button, new()
        {
            NameRegex = new Regex($@"^\s*{Regex.Escape(role)}\s+{Regex.Escape(organizer)}\s*$", RegexOptions.None, TimeSpan.FromSeconds(1)),
        });

    public async Task<StartPage> SignInAsDemoAsync(string role, string organizer, string displayName)
    {
        await Visitor.ClickToNavigateAsync(DemoButton(role, organizer));
        return await StartPage.ExpectAsync(Visitor, displayName);
    }
}
