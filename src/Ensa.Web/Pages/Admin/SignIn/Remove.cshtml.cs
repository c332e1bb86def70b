using Ensa.Data;
using Ensa.SignIn;
using Ensa.Web.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin.SignIn;

/// <summary>Removes an identity provider after a confirmation. The accounts stay (with their roles); their links to this
/// provider go, so a provider added again links anew.</summary>
public sealed class RemoveModel(EnsaDbContext db, IdentityProviderCache cache, IStringLocalizer<SharedResource> l) : PageModel
{
    public IdentityProvider Provider { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.IdentityProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id) is not { } p) return NotFound();
        Provider = p;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await db.IdentityProviders.Include(p => p.Domains).SingleOrDefaultAsync(p => p.Id == id) is not { } p) return NotFound();
        db.IdentityProviders.Remove(p);
        db.RemoveRange(await db.Set<IdentityUserLogin<Guid>>().Where(x => x.LoginProvider == p.Scheme).ToListAsync());
        await db.SaveChangesAsync();
        cache.Invalidate();
        TempData["Message"] = l["SignIn.Removed", p.DisplayName].Value;
        return RedirectToPage("Index");
    }
}
