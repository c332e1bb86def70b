using Ensa.Data;
using Ensa.Identity;
using Ensa.Organizers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Units;

/// <summary>The current organizer's tree of administrations, schools and school units.</summary>
public sealed class IndexModel(EnsaDbContext db) : PageModel
{
    private ILookup<Guid?, OrganisationUnit> _children = Array.Empty<OrganisationUnit>().ToLookup(u => u.ParentId);

    public IReadOnlyList<OrganisationUnit> Roots { get; private set; } = [];
    public IReadOnlyDictionary<Guid, List<string>> Principals { get; private set; } = new Dictionary<Guid, List<string>>();

    public IReadOnlyList<OrganisationUnit> ChildrenOf(Guid id) => _children[id].ToList();

    public async Task OnGetAsync()
    {
        var units = (await db.OrganisationUnits.AsNoTracking().ToListAsync()).OrderBy(u => u.Name, SwedishCalendar.Comparer).ToList();
        _children = units.ToLookup(u => u.ParentId);
        Roots = _children[null].ToList();
        Principals = (await db.Memberships.Where(m => m.Role == Role.Principal && m.OrganisationUnitId != null)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { UnitId = m.OrganisationUnitId!.Value, u.DisplayName })
                .ToListAsync())
            .GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => g.Select(p => p.DisplayName).ToList());
    }
}
