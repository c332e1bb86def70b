using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Admin/SignIn: the organizer's identity providers and the password setting.</summary>
public sealed class SignInSettingsPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Inloggning för personalen";

    public static async Task<SignInSettingsPage> OpenAsync(Visitor visitor)
    {
        await visitor.GotoAsync("/Admin/SignIn");
        return await ExpectAsync(visitor);
    }

    public static async Task<SignInSettingsPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new SignInSettingsPage(visitor);
    }

    public ILocator Notice => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    /// <summary>The provider's row, by the name of its button.</summary>
    public ILocator ProviderRow(string displayName) =>
        Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = displayName, Exact = true }) });

    public async Task<ProviderEditPage> AddProviderAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = ProviderEditPage.AddHeading, Exact = true }));
        return await ProviderEditPage.ExpectAsync(Visitor, ProviderEditPage.AddHeading);
    }
}

/// <summary>/Admin/SignIn/Edit: one identity provider (the scopes, the claim and "in use" keep their defaults here).</summary>
public sealed class ProviderEditPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string AddHeading = "Lägg till identitetsleverantör";

    public static async Task<ProviderEditPage> ExpectAsync(Visitor visitor, string heading)
    {
        await visitor.ArriveAsync(heading);
        return new ProviderEditPage(visitor);
    }

    public async Task<SignInSettingsPage> SaveAsync(string displayName, Uri authority, string clientId, string clientSecret, string domains)
    {
        await Page.GetByLabel("Namn på knappen", new() { Exact = true }).FillAsync(displayName);
        await Page.GetByLabel("Utfärdare (authority)", new() { Exact = true }).FillAsync(authority.ToString());
        await Page.GetByLabel("Klient-id", new() { Exact = true }).FillAsync(clientId);
        await Page.GetByLabel("Klienthemlighet", new() { Exact = true }).FillAsync(clientSecret);
        await Page.GetByLabel("E-postdomäner", new() { Exact = true }).FillAsync(domains);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }));
        return await SignInSettingsPage.ExpectAsync(Visitor);
    }
}
