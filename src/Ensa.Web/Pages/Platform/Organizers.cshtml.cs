using Ensa.Data;
using Ensa.Organizers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Platform;

/// <summary>All organizers on the platform, for the platform admin (the one place that crosses tenants).</summary>
public sealed class OrganizersModel(EnsaDbContext db) : PageModel
{
    public sealed record Row(string Name, string OrganisationNumber, string ControllerName, string Slug, int Units, int Members);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = (await db.Organizers.AsNoTracking().Select(o => new Row(o.Name, o.OrganisationNumber, o.ControllerName, o.Slug,
                db.OrganisationUnits.IgnoreQueryFilters().Count(u => u.OrganizerId == o.Id && u.Kind == UnitKind.SchoolUnit),
                db.Memberships.IgnoreQueryFilters().Where(m => m.OrganizerId == o.Id).Select(m => m.UserId).Distinct().Count()))
            .ToListAsync()).OrderBy(r => r.Name, SwedishCalendar.Comparer).ToList();
}
