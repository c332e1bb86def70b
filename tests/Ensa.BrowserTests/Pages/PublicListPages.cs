using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/public/{organizer}/resources: an organizer's approved resources, open to anyone.</summary>
public sealed class PublicListPage(Visitor visitor) : EnsaPage(visitor)
{
    public static async Task<PublicListPage> OpenAsync(Visitor visitor, string organizer, string heading)
    {
        await visitor.GotoAsync($"/public/{organizer}/resources");
        await visitor.ArriveAsync(heading);
        return new PublicListPage(visitor);
    }

    public async Task SearchAsync(string label, string text, string heading)
    {
        await Page.GetByLabel(label, new() { Exact = true }).FillAsync(text);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }));
        await Visitor.ArriveAsync(heading);
    }

    /// <summary>The result for this resource (a list item with a link of its name).</summary>
    public ILocator Result(string name) =>
        Page.Locator(".public-list > li").Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public async Task<PublicResourcePage> OpenAsync(string name)
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }));
        await Visitor.ArriveAsync(name);
        return new PublicResourcePage(Visitor);
    }
}

/// <summary>/public/{organizer}/resources/{id}: one resource, only what the organizer publishes.</summary>
public sealed class PublicResourcePage(Visitor visitor) : EnsaPage(visitor)
{
    public ILocator Decision => Page.GetByRole(AriaRole.Region, new() { Name = "Beslut hos Mittköpings kommun" });

    public ILocator Fact(string term) => Page.Locator("dl.facts dt", new() { HasTextString = term }).Locator("xpath=following-sibling::dd[1]");
}
