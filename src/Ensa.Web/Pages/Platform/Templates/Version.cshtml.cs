using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Platform.Templates;

/// <summary>One version of the main text, as published (it never changes).</summary>
public sealed class VersionModel(EnsaDbContext db) : PageModel
{
    public AgreementTemplate Template { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int version)
    {
        if (await db.AgreementTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Version == version) is not { } template) return NotFound();
        Template = template;
        return Page();
    }
}
