using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages.Agreements;

/// <summary>The whole agreement as one document: the main text of its template version, the Instruktion appendix, the
/// sub-processor list and the signature block. Printed by the browser (print CSS) or as PDF by headless Chromium.</summary>
public sealed class DocumentModel(EnsaDbContext db, AgreementAccess access, ChromiumPdf chromium, IWebHostEnvironment environment,
    IRazorViewEngine views) : PageModel
{
    public AgreementDocumentView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        View.InlineStylesheet = await AgreementSigning.StylesheetAsync(environment, HttpContext.RequestAborted);
        var html = await this.RenderPartialAsync(views, "_AgreementDocument", View);
        var pdf = await chromium.PrintAsync(html, HttpContext.RequestAborted);
        if (pdf is null) return StatusCode(StatusCodes.Status503ServiceUnavailable);
        return File(pdf, "application/pdf", $"PUB-avtal {View.ResourceName}.pdf");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.LoadAsync(id) is not { } agreement) return false;
        View = await AgreementDocumentView.LoadAsync(db, agreement, HttpContext.RequestAborted);
        return true;
    }
}
