using Ensa.Agreements;
using Ensa.Data;
using Ensa.MasterData;
using Ensa.Organizers;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Agreements;

/// <summary>The whole agreement as one document: the main text of its template version, the Instruktion appendix, the
/// sub-processor list and the signature block. Printed by the browser (print CSS) or as PDF by headless Chromium.</summary>
public sealed class DocumentModel(EnsaDbContext db, AgreementAccess access, ChromiumPdf chromium, IWebHostEnvironment environment,
    IRazorViewEngine views) : PageModel
{
    public Agreement Current { get; private set; } = null!;
    public AgreementTemplate Template { get; private set; } = null!;
    public SupplierDescription? Description { get; private set; }
    public Organizer Organizer { get; private set; } = null!;
    public Supplier Supplier { get; private set; } = null!;
    public string ResourceName { get; private set; } = "";
    /// <summary>The organizer's agreement contact is a protected person (marked after being named): the document, which
    /// goes to the supplier, shows a neutral text instead.</summary>
    public bool ContactIsProtected { get; private set; }
    /// <summary>Set when printing: the document must stand alone, so the stylesheet goes inside it.</summary>
    public string? InlineStylesheet { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        InlineStylesheet = await System.IO.File.ReadAllTextAsync(Path.Combine(environment.WebRootPath, "css", "agreement.css"), HttpContext.RequestAborted);
        var html = await this.RenderPartialAsync(views, "_AgreementDocument");
        var pdf = await chromium.PrintAsync(html, HttpContext.RequestAborted);
        if (pdf is null) return StatusCode(StatusCodes.Status503ServiceUnavailable);
        return File(pdf, "application/pdf", $"PUB-avtal {ResourceName}.pdf");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.LoadAsync(id) is not { } agreement) return false;
        Current = agreement;
        Template = await db.AgreementTemplates.SingleAsync(t => t.Id == agreement.TemplateId);
        Description = agreement.DescriptionId is { } descriptionId ? await db.SupplierDescriptions.SingleAsync(d => d.Id == descriptionId) : null;
        Organizer = await db.Organizers.SingleAsync(o => o.Id == agreement.OrganizerId);
        Supplier = await db.Suppliers.SingleAsync(s => s.Id == agreement.SupplierId);
        ResourceName = await db.LearningResources.Where(r => r.Id == agreement.ResourceId).Select(r => r.Name).SingleAsync();
        var contactEmail = agreement.AgreementContactEmail.ToUpperInvariant();
        ContactIsProtected = contactEmail.Length > 0
            && await db.Users.AnyAsync(u => db.ProtectedUserIds(agreement.OrganizerId).Contains(u.Id) && u.NormalizedEmail == contactEmail);
        return true;
    }
}
