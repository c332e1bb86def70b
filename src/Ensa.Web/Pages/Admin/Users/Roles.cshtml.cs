using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin.Users;

/// <summary>An organizer admin gives and takes a member's roles at the current organizer.</summary>
public sealed class RolesModel(EnsaDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid Id, Role Role, string? Unit);

    [BindProperty] public RoleChoice Role { get; set; } = new();
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<Row> Current { get; private set; } = [];
    public Row? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? remove)
    {
        if (!await LoadAsync(id)) return NotFound();
        Confirming = Current.FirstOrDefault(r => r.Id == remove);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await RoleGrants.GrantAsync(db, id, User.OrganizerId()!.Value, Role.Role, Role.UnitId, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Roles.Added"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid membershipId)
    {
        if (!await LoadAsync(id)) return NotFound();
        // The query filter keeps this to the current organizer.
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.UserId == id);
        if (membership is null) return NotFound();
        var result = await RoleGrants.RevokeAsync(db, membership);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Roles.Removed"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>False when the user has no role at this organizer: then they are not this admin's to see.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        UserId = id;
        var rows = await db.Memberships.Where(m => m.UserId == id)
            .Select(m => new Row(m.Id, m.Role, db.OrganisationUnits.Where(u => u.Id == m.OrganisationUnitId).Select(u => u.Name).FirstOrDefault()))
            .ToListAsync();
        if (rows.Count == 0) return false;
        Current = rows;
        Name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync();
        await Role.LoadUnitsAsync(db, SwedishCalendar.Today(clock));
        return true;
    }
}
