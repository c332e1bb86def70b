using System.ComponentModel.DataAnnotations;
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
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(Supplier.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.Name")]
        public string Name { get; set; } = "";

        [StringLength(13, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.OrgNumber")]
        public string? OrganisationNumber { get; set; }

        [StringLength(Supplier.ForeignRegistrationMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.ForeignRegistration")]
        public string? ForeignRegistration { get; set; }

        [StringLength(2, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.Country")]
        public string? CountryCode { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(Supplier.ContactNameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.Contact")]
        public string ContactName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(Supplier.ContactEmailMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.ContactEmail")]
        public string ContactEmail { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
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
        var result = await SupplierRegistry.ChangeAsync(db, supplier, new SupplierDetails(Input.Name, Input.OrganisationNumber,
            Input.ForeignRegistration, Input.CountryCode, Input.ContactName, Input.ContactEmail));
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
