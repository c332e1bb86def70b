using Ensa.Data;
using Ensa.Organizers;
using Ensa.Register;
using Ensa.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Register;

/// <summary>The register of use: for every school unit, which resources are in use, since when, under which agreement,
/// and who is registeransvarig and local system administrator.</summary>
public sealed class IndexModel(EnsaDbContext db, UseRegister register) : PageModel
{
    public Guid? Unit { get; private set; }
    public bool Ended { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Units { get; private set; } = [];
    /// <summary>Rows grouped by unit, units and resources in Swedish order.</summary>
    public IReadOnlyList<IGrouping<string, UseRow>> ByUnit { get; private set; } = [];

    public async Task OnGetAsync(Guid? unit, bool ended)
    {
        (Unit, Ended) = (unit, ended);
        var rows = await register.UsesAsync(unit, includeEnded: ended);
        var units = await db.OrganisationUnits.Where(u => u.Kind == UnitKind.SchoolUnit).Select(u => new { u.Id, u.Name }).ToListAsync();
        var key = Format.SortKeys(rows.Select(r => r.Unit).Concat(rows.Select(r => r.Resource)).Concat(units.Select(u => u.Name)));
        ByUnit = rows.OrderBy(r => key(r.Unit), Format.SortKeyOrder).ThenBy(r => key(r.Resource), Format.SortKeyOrder)
            .GroupBy(r => r.Unit).ToList();
        Units = units.OrderBy(u => key(u.Name), Format.SortKeyOrder).Select(u => (u.Id, u.Name)).ToList();
    }
}
