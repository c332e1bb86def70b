using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Platform.Templates;

/// <summary>One version of the main text, as published (it never changes), with what changed from the version before.</summary>
public sealed class VersionModel(EnsaDbContext db) : PageModel
{
    public AgreementTemplate Template { get; private set; } = null!;
    public TemplateChanges? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(int version)
    {
        if (await db.AgreementTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Version == version) is not { } template) return NotFound();
        Template = template;
        var previous = await db.AgreementTemplates.AsNoTracking().Where(t => t.Version < version).OrderByDescending(t => t.Version).FirstOrDefaultAsync();
        if (previous is not null) Changes = TemplateChanges.Between(previous, template.Version, template.Sections);
        return Page();
    }
}
