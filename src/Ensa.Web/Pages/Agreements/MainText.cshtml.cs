using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Agreements;

/// <summary>A version of the main text for the organizer's agreement people: what changed from an older version (the
/// one before, or <c>from</c>: the version an agreement rests on) and the whole text. The main text is the same for
/// every organizer, so nothing here is one organizer's.</summary>
public sealed class MainTextModel(EnsaDbContext db) : PageModel
{
    public AgreementTemplate Template { get; private set; } = null!;
    public TemplateChanges? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(int version, int? from)
    {
        if (await db.AgreementTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Version == version) is not { } template) return NotFound();
        Template = template;
        var older = from is { } f
            ? await db.AgreementTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Version == f && t.Version < version)
            : await db.AgreementTemplates.AsNoTracking().Where(t => t.Version < version).OrderByDescending(t => t.Version).FirstOrDefaultAsync();
        if (from is not null && older is null) return NotFound();
        if (older is not null) Changes = TemplateChanges.Between(older, template.Version, template.Sections);
        return Page();
    }
}
