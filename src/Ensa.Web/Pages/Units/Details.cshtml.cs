using Ensa.Data;
using Ensa.Identity;
using Ensa.Organizers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Units;

public sealed class DetailsModel(EnsaDbContext db, IAuthorizationService authorization, Ensa.Register.UseRegister register) : PageModel
{
    public OrganisationUnit Unit { get; private set; } = null!;
    public string? ParentName { get; private set; }
    public IReadOnlyList<(string Name, Role Role)> People { get; private set; } = [];
    /// <summary>The register for this unit: resources in use (or approved), with who answers for each.</summary>
    public IReadOnlyList<Ensa.Register.UseRow> Uses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var unit = await db.OrganisationUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        // Another organizer's unit is filtered away; the check below is the second line. Either way: 404.
        if (unit is null || !(await authorization.AuthorizeAsync(User, unit, Policies.SameOrganizer)).Succeeded) return NotFound();
        Unit = unit;
        ParentName = await db.OrganisationUnits.Where(u => u.Id == unit.ParentId).Select(u => u.Name).SingleOrDefaultAsync();
        People = (await db.Memberships.Where(m => m.OrganisationUnitId == id)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.DisplayName, m.Role }).ToListAsync())
            .OrderBy(p => p.DisplayName, SwedishCalendar.Comparer).Select(p => (p.DisplayName, p.Role)).ToList();
        Uses = (await register.UsesAsync(unitId: id)).OrderBy(u => u.Resource, SwedishCalendar.Comparer).ToList();
        return Page();
    }
}
