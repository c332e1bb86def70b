using System.Text.RegularExpressions;
using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Account/Login: password sign-in, the e-mail address alone for an organizer's own identity provider and, in
/// demo mode, one button per demo account.</summary>
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

    public ILocator Notice => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    public async Task<StartPage> SignInWithPasswordAsync(string email, string password, string displayName)
    {
        await Page.GetByLabel("E-postadress", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Lösenord", new() { Exact = true }).FillAsync(password);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }));
        return await StartPage.ExpectAsync(Visitor, displayName);
    }

    /// <summary>The e-mail address alone: a person of a domain with its own identity provider is sent there, and back.</summary>
    public async Task<StartPage> SignInThroughProviderAsync(string email, string displayName)
    {
        await Page.GetByLabel("E-postadress", new() { Exact = true }).FillAsync(email);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }));
        return await StartPage.ExpectAsync(Visitor, displayName);
    }

    /// <summary>"Glömt lösenordet?" under the password form.</summary>
    public async Task<ForgotPasswordPage> ForgotPasswordAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Glömt lösenordet?", Exact = true }));
        return await ForgotPasswordPage.ExpectAsync(Visitor);
    }
}
