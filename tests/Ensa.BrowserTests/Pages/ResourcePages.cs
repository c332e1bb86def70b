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

    /// <summary>"Lägg till en lärresurs" (catalogue editors).</summary>
    public async Task<ResourceEditPage> AddAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Lägg till en lärresurs", Exact = true }));
        return await ResourceEditPage.ExpectAsync(Visitor);
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
    /// <summary>The confirmation shown after an action (a status message).</summary>
    public ILocator Notice => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status);

    public ILocator DecisionHere => Page.GetByRole(AriaRole.Region, new() { Name = "Beslut hos din huvudman" });

    public ILocator Fact(string term) => Page.Locator("dl.facts dt", new() { HasTextString = term }).Locator("xpath=following-sibling::dd[1]");

    /// <summary>"Beställ den här lärresursen": the request form, with this resource chosen.</summary>
    public async Task RequestItAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Beställ den här lärresursen" }));
        await Visitor.ArriveAsync("Ny förfrågan om lärresurs");
    }
}

/// <summary>/Resources/Edit: a new catalogue entry (from a review, <c>?request=</c>, or from the catalogue), with a new
/// supplier described in its own fieldset when the list does not have it.</summary>
public sealed class ResourceEditPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Lägg till en lärresurs";

    public static async Task<ResourceEditPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new ResourceEditPage(visitor);
    }

    public ILocator Field(string label) => Page.GetByLabel(label, new() { Exact = true });

    /// <summary>The resource's name: the first field labelled "Namn" (the second is the new supplier's).</summary>
    public ILocator Name => Field("Namn").First;

    /// <summary>The chosen entry of the supplier list ("Ingen eller okänd leverantör" when the list does not have it).</summary>
    public ILocator ChosenSupplier => Field("Leverantör").Locator("option:checked");

    /// <summary>Fills the fieldset "Ny leverantör": a Swedish supplier by its organisation number.</summary>
    public async Task DescribeNewSupplierAsync(string name, string organisationNumber, string contact, string email)
    {
        var fields = Page.GetByRole(AriaRole.Group, new() { Name = "Ny leverantör", Exact = true });
        await fields.GetByLabel("Namn", new() { Exact = true }).FillAsync(name);
        await fields.GetByLabel("Svenskt organisationsnummer", new() { Exact = true }).FillAsync(organisationNumber);
        await fields.GetByLabel("Kontaktperson", new() { Exact = true }).FillAsync(contact);
        await fields.GetByLabel("Kontaktpersonens e-post", new() { Exact = true }).FillAsync(email);
    }

    /// <summary>Presses the form's button ("Spara", or "Spara och koppla till beställningen" from a review).</summary>
    public Task SaveAsync(string button) =>
        Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));
}
