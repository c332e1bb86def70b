using Ensa.Data;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Platform.Suppliers;

/// <summary>The platform admin corrects a supplier's facts (shared by every organizer).</summary>
public sealed class EditModel(EnsaDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public SupplierInput Input { get; set; } = new();
    public string SupplierName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id) is not { } s) return NotFound();
        SupplierName = s.Name;
        Input = new()
        {
            Name = s.Name, OrganisationNumber = s.OrganisationNumber, ForeignRegistration = s.ForeignRegistration,
            CountryCode = s.OrganisationNumber is null ? s.CountryCode : null, ContactName = s.ContactName, ContactEmail = s.ContactEmail,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await db.Suppliers.SingleOrDefaultAsync(s => s.Id == id) is not { } supplier) return NotFound();
        SupplierName = supplier.Name;
        if (!ModelState.IsValid) return Page();
        var result = await SupplierRegistry.ChangeAsync(db, supplier, Input.Details());
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args].Value);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["PlatformSuppliers.Saved", supplier.Name].Value;
        return RedirectToPage("/Platform/Suppliers/Details", new { id });
    }
}
