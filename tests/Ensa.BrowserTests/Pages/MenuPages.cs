using Ensa.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ensa.BrowserTests.Pages;

/// <summary>/Units: the organizer's administrations, schools and school units as a tree.</summary>
public sealed class UnitsPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Enheter";

    public static async Task<UnitsPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new UnitsPage(visitor);
    }

    public ILocator UnitLink(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Opens one unit's page (heading = the unit's name).</summary>
    public async Task<UnitPage> OpenUnitAsync(string name)
    {
        await Visitor.ClickToNavigateAsync(UnitLink(name));
        await Visitor.ArriveAsync(name);
        return new UnitPage(Visitor);
    }
}

/// <summary>/Units/{id}: one unit with the people who hold a role there.</summary>
public sealed class UnitPage(Visitor visitor) : EnsaPage(visitor)
{
    /// <summary>A person with a role at the unit (the register below may name the same person again).</summary>
    public ILocator Person(string name) =>
        Page.GetByRole(AriaRole.Region, new() { Name = "Personer med roll här" }).GetByRole(AriaRole.Cell, new() { Name = name, Exact = true });
}

/// <summary>/Suppliers: the suppliers shared by all organizers.</summary>
public sealed class SuppliersPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Leverantörer";

    public static async Task<SuppliersPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new SuppliersPage(visitor);
    }

    public ILocator Caption => Page.GetByRole(AriaRole.Table).Locator("caption");

    public ILocator Row(string supplier) => Page.GetByRole(AriaRole.Row).Filter(new() { HasText = supplier });
}

/// <summary>/Admin/Audit: who changed what, newest first.</summary>
public sealed class AuditPage(Visitor visitor) : EnsaPage(visitor)
{
    public const string Heading = "Ändringslogg";

    public static async Task<AuditPage> ExpectAsync(Visitor visitor)
    {
        await visitor.ArriveAsync(Heading);
        return new AuditPage(visitor);
    }
}
