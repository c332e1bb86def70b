using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Agreements: the organizer's agreements.</summary>
public sealed class AgreementsPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Personuppgiftsbiträdesavtal";

    public static async Task<AgreementsPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new AgreementsPage(visitor);
    }

    /// <summary>"Nytt avtal", then the resource (the option whose text starts with its name) and "Skapa avtal".</summary>
    public async Task<AgreementPage> CreateAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Nytt avtal", Exact = true }));
        await Visitor.ArriveAsync("Nytt personuppgiftsbiträdesavtal");
        var select = Page.GetByLabel("Lärresurs", new() { Exact = true });
        var value = await select.Locator("option", new() { HasText = resource }).First.GetAttributeAsync("value");
        await select.SelectOptionAsync(value!);
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skapa avtal", Exact = true }));
        return await AgreementPage.ExpectAsync(Visitor, resource);
    }
}

/// <summary>/Agreements/{id}: one agreement, its next step and its timeline.</summary>
public sealed class AgreementPage(Visitor visitor, string resource) : EnsaPage(visitor)
{
    public static async Task<AgreementPage> ExpectAsync(Visitor visitor, string resource)
    {
        await visitor.ArriveAsync($"Avtal: {resource}");
        return new AgreementPage(visitor, resource);
    }

    public static async Task<AgreementPage> OpenAsync(Visitor visitor, string url, string resource)
    {
        await visitor.GotoAsync(url);
        return await ExpectAsync(visitor, resource);
    }

    public ILocator Status => Page.Locator(".agreement-status strong");
    public ILocator Notice => Page.Locator("p.notice[role=status]");
    public ILocator Timeline => Page.Locator("ol.timeline");

    /// <summary>Presses a button that posts a step, and waits for the page again.</summary>
    public async Task<AgreementPage> PressAsync(string button)
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));
        return await ExpectAsync(Visitor, resource);
    }

    public async Task<AgreementPage> RecordReviewAsync(string label, string notes, string button)
    {
        await Page.GetByLabel(label, new() { Exact = true }).FillAsync(notes);
        return await PressAsync(button);
    }

    public async Task<AgreementDocumentPage> ShowDocumentAsync(string title)
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Visa avtalet", Exact = true }));
        return await AgreementDocumentPage.ExpectAsync(Visitor, title);
    }

    /// <summary>The PDF from "Ladda ned som PDF", fetched with the visitor's own session.</summary>
    public async Task<byte[]> DownloadPdfAsync()
    {
        var href = await Page.GetByRole(AriaRole.Link, new() { Name = "Ladda ned som PDF", Exact = true }).GetAttributeAsync("href");
        var response = await Visitor.Context.APIRequest.GetAsync(new Uri(new Uri(Page.Url), href).ToString());
        Assert.True(response.Ok, $"PDF: HTTP {response.Status}");
        return await response.BodyAsync();
    }

    public async Task<AgreementPage> PutInForceAsync(DateOnly from, DateOnly review, DateOnly end)
    {
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Page.GetByLabel("Gäller från", new() { Exact = true }).FillAsync(Day(from));
        await Page.GetByLabel("Omprövas senast", new() { Exact = true }).FillAsync(Day(review));
        await Page.GetByLabel("Upphör", new() { Exact = true }).FillAsync(Day(end));
        return await PressAsync("Sätt avtalet i kraft");
    }

    public async Task<AgreementPage> RecordSigningAsync((string Name, string Title) organizer, (string Name, string Title) supplier, DateOnly on, string file, byte[] pdf)
    {
        var day = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (group, who) in new[] { ("Undertecknare för huvudmannen", organizer), ("Undertecknare för leverantören", supplier) })
        {
            var fields = Page.GetByRole(AriaRole.Group, new() { Name = group, Exact = true });
            await fields.GetByLabel("Namn", new() { Exact = true }).FillAsync(who.Name);
            await fields.GetByLabel("Befattning", new() { Exact = true }).FillAsync(who.Title);
            await fields.GetByLabel("Datum", new() { Exact = true }).FillAsync(day);
        }
        await Page.GetByLabel("Signerat avtal (PDF)", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = pdf });
        return await PressAsync("Registrera signeringen");
    }
}

/// <summary>/Agreements/{id}/Document: the whole agreement as one document.</summary>
public sealed class AgreementDocumentPage(Visitor visitor) : EnsaPage(visitor)
{
    public static async Task<AgreementDocumentPage> ExpectAsync(Visitor visitor, string title)
    {
        await visitor.ArriveAsync(title);
        return new AgreementDocumentPage(visitor);
    }

    public ILocator Parties => Page.Locator("section.parties");
    public ILocator SubProcessors => Page.Locator("section.sub-processors");

    /// <summary>The document stands alone (no menu, for print): the browser's back button returns to the agreement.</summary>
    public async Task<AgreementPage> BackAsync(string resource)
    {
        await Visitor.NavigateByAsync(() => Page.GoBackAsync());
        return await AgreementPage.ExpectAsync(Visitor, resource);
    }
}

/// <summary>/Supplier: the supplier portal.</summary>
public sealed class SupplierPortalPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Leverantörsportalen";

    public static async Task<SupplierPortalPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new SupplierPortalPage(visitor);
    }

    public ILocator Waiting => Page.Locator("ul.waiting");

    public async Task<DescribePage> DescribeAsync(string resource)
    {
        await Visitor.ClickToNavigateAsync(Page.Locator("table.supplier-resources").GetByRole(AriaRole.Link, new() { Name = resource, Exact = true }));
        return await DescribePage.ExpectAsync(Visitor, resource);
    }
}

/// <summary>/Platform/Suppliers: the platform admin's list of suppliers and their people, and one supplier's page with
/// the invitation of a person the platform admin has checked.</summary>
public sealed class PlatformSuppliersPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Leverantörer och deras personer";

    public static async Task<PlatformSuppliersPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new PlatformSuppliersPage(visitor);
    }

    public ILocator Row(string supplier) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = supplier });

    /// <summary>Opens the supplier and invites the person in its prefilled catalogue contact, as its admin.</summary>
    public async Task InviteCatalogueContactAsync(string supplier)
    {
        await Visitor.ClickToNavigateAsync(Row(supplier).GetByRole(AriaRole.Link, new() { Name = supplier, Exact = true }));
        await Visitor.ArriveAsync(supplier);
        await Expect(Page.GetByLabel("Får bjuda in fler personer från leverantören (administratör)")).ToBeCheckedAsync();
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Skicka inbjudan", Exact = true }));
        await Visitor.ArriveAsync(supplier);
    }
}

/// <summary>/Supplier/Describe/{resource}: the supplier's description, rows of fields per list.</summary>
public sealed class DescribePage(Visitor visitor, string resource) : EnsaPage(visitor)
{
    public static async Task<DescribePage> ExpectAsync(Visitor visitor, string resource)
    {
        await visitor.ArriveAsync($"Beskrivning: {resource}");
        return new DescribePage(visitor, resource);
    }

    public ILocator Notice => Page.Locator("p.notice[role=status]");

    public Task FillAsync(string label, string value) => Page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public Task CheckAsync(string label) => Page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    /// <summary>A field in row <paramref name="row"/> (1, 2, …) of a list, e.g. ("Underbiträden", 1, "Namn").</summary>
    public ILocator Row(string list, int row, string label) =>
        Page.GetByRole(AriaRole.Group, new() { Name = list, Exact = true })
            .GetByRole(AriaRole.Group, new() { Name = $"Rad {row}", Exact = true })
            .GetByLabel(label, new() { Exact = true });

    /// <summary>The rows of one list, as the page shows them now.</summary>
    public ILocator Rows(string list) =>
        Page.GetByRole(AriaRole.Group, new() { Name = list, Exact = true }).GetByRole(AriaRole.Group, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Rad \\d+$") });

    /// <summary>"Lägg till rad" under a list (the script's button; without JavaScript there is none).</summary>
    public Task AddRowAsync(string list) =>
        Page.GetByRole(AriaRole.Group, new() { Name = list, Exact = true }).GetByRole(AriaRole.Button, new() { Name = "Lägg till rad", Exact = true }).ClickAsync();

    /// <summary>"Ta bort" in row <paramref name="row"/> of a list.</summary>
    public Task RemoveRowAsync(string list, int row) =>
        Page.GetByRole(AriaRole.Group, new() { Name = list, Exact = true }).GetByRole(AriaRole.Group, new() { Name = $"Rad {row}", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = $"Ta bort: Rad {row}", Exact = true }).ClickAsync();

    public async Task<DescribePage> SaveAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast", Exact = true }));
        return await ExpectAsync(Visitor, resource);
    }

    public async Task<DescribePage> PublishAsync()
    {
        await Visitor.ClickToNavigateAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Publicera", Exact = true }));
        var page = await ExpectAsync(Visitor, resource);
        await Expect(page.Notice).ToContainTextAsync("är publicerad");
        return page;
    }
}
