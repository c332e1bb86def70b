using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Resources: the shared catalogue, searchable, with the status at the user's own organizer.</summary>
public sealed class ResourcesPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Lärresurser";

    public static async Task<ResourcesPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new ResourcesPage(visitor);
    }

    public async Task SearchAsync(string text)
    {
        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Sök" }).FillAsync(text);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }));
        await Visitor.ArriveAsync(Heading);
    }

    public ILocator Row(string name) => Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public async Task<ResourcePage> OpenAsync(string name)
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }));
        await Visitor.ArriveAsync(name);
        return new ResourcePage(Visitor);
    }
}

/// <summary>/Resources/{id}: one resource, the organizer's decision, and a way to request it.</summary>
public sealed class ResourcePage(Visitor visitor) : EnsaPage(visitor)
{
    public ILocator DecisionHere => Page.GetByRole(AriaRole.Region, new() { Name = "Beslut hos din huvudman" });

    public ILocator Fact(string term) => Page.Locator("dl.facts dt", new() { HasTextString = term }).Locator("xpath=following-sibling::dd[1]");

    /// <summary>"Beställ den här lärresursen": the request form, with this resource chosen.</summary>
    public async Task RequestItAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Beställ den här lärresursen" }));
        await Visitor.ArriveAsync("Ny förfrågan om lärresurs");
    }
}
