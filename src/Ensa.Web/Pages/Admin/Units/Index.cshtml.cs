using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Organizers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin.Units;

/// <summary>The organizer admin's tree of units, and a new unit in it.</summary>
public sealed class IndexModel(EnsaDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public UnitTree Tree { get; private set; } = null!;

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(OrganisationUnit.NameMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "AdminUnits.Name")]
        public string Name { get; set; } = "";

        [Display(Name = "Units.Kind")] public UnitKind Kind { get; set; } = UnitKind.SchoolUnit;

        [StringLength(8, ErrorMessage = "Validation.Length"), Display(Name = "Units.Code")]
        public string? SchoolUnitCode { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Units.Parent")]
        public Guid? ParentId { get; set; }
    }

    public async Task OnGetAsync() => Tree = await UnitTree.LoadAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        Tree = await UnitTree.LoadAsync(db);
        if (!ModelState.IsValid) return Page();
        if (Tree.Find(Input.ParentId) is not { } parent) return NotFound();
        var code = Input.SchoolUnitCode?.Trim();
        var codeTaken = code is { Length: > 0 } && await db.OrganisationUnits.IgnoreQueryFilters().AnyAsync(u => u.SchoolUnitCode == code);
        var (result, unit) = OrganisationUnit.Create(User.OrganizerId()!.Value, parent, Input.Kind, Input.Name, code, codeTaken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            return Page();
        }
        db.OrganisationUnits.Add(unit!);
        await db.SaveChangesAsync();
        TempData["Message"] = l["AdminUnits.Created", unit!.Name].Value;
        return RedirectToPage();
    }
}
