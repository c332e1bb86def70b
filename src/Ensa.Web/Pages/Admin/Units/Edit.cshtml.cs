using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Organizers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin.Units;

/// <summary>The organizer admin renames a unit, moves it under another or closes it; a unit is never deleted.</summary>
public sealed class EditModel(EnsaDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public UnitTree Tree { get; private set; } = null!;
    public OrganisationUnit Unit { get; private set; } = null!;

    public RenameInput Rename { get; set; } = new();
    public MoveInput Move { get; set; } = new();
    public CloseInput Close { get; set; } = new();

    public sealed class RenameInput
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(OrganisationUnit.NameMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "AdminUnits.Name")]
        public string Name { get; set; } = "";
    }

    public sealed class MoveInput
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "AdminUnits.NewParent")]
        public Guid? ParentId { get; set; }
    }

    public sealed class CloseInput
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "AdminUnits.CloseOn")]
        public DateOnly? ClosedOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Rename.Name = Unit.Name;
        Move.ParentId = Unit.ParentId;
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, RenameInput rename)
    {
        Rename = rename;
        return await ChangeAsync(id, () => Unit.Rename(rename.Name), "AdminUnits.Renamed");
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, MoveInput move)
    {
        Move = move;
        return await ChangeAsync(id, () => Tree.Find(move.ParentId) is { } parent
            ? Unit.MoveUnder(parent, Tree.ParentOf)
            : new DomainError("AdminUnits.ParentUnknown"), "AdminUnits.Moved");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CloseInput close)
    {
        Close = close;
        return await ChangeAsync(id, () => Unit.Close(close.ClosedOn!.Value, Tree.HasOpenChildren(Unit.Id)), "AdminUnits.Closed");
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Result> change, string done)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = change();
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l[done, Unit.Name].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>The tree is the current organizer's (query filter), so another organizer's unit is not found.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        Tree = await UnitTree.LoadAsync(db);
        if (Tree.Find(id) is not { } unit) return false;
        Unit = unit;
        return true;
    }
}
