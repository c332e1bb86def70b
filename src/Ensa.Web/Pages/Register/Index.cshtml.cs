using Ensa.Data;
using Ensa.Organizers;
using Ensa.Register;
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

    /// <summary>Units per page: a large organizer has hundreds of units and thousands of uses, too many for one page.</summary>
    public const int UnitsPerPage = 20;
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public async Task OnGetAsync(Guid? unit, bool ended, int page = 1)
    {
        (Unit, Ended) = (unit, ended);
        var units = await db.OrganisationUnits.Where(u => u.Kind == UnitKind.SchoolUnit).Select(u => new { u.Id, u.Name }).ToListAsync();
        var key = Format.SortKeys(units.Select(u => u.Name));
        // A page of units, in Swedish order of their names; only their rows are read.
        var withUses = (await register.UnitsWithUsesAsync(ended)).ToHashSet();
        var listed = units.Where(u => withUses.Contains(u.Id) && (unit is null || u.Id == unit))
            .OrderBy(u => key(u.Name), Format.SortKeyOrder).Select(u => u.Id).ToList();
        PageCount = Math.Max(1, (listed.Count + UnitsPerPage - 1) / UnitsPerPage);
        PageNumber = Math.Clamp(page, 1, PageCount);
        var pageUnits = listed.Skip((PageNumber - 1) * UnitsPerPage).Take(UnitsPerPage).ToList();
        var rows = await register.UsesAsync(includeEnded: ended, unitIds: pageUnits);
        var resourceKey = Format.SortKeys(rows.Select(r => r.Resource));
        ByUnit = rows.OrderBy(r => key(r.Unit), Format.SortKeyOrder).ThenBy(r => resourceKey(r.Resource), Format.SortKeyOrder)
            .GroupBy(r => r.Unit).ToList();
        Units = units.OrderBy(u => key(u.Name), Format.SortKeyOrder).Select(u => (u.Id, u.Name)).ToList();
    }

    /// <summary>This register with the same filter, at another page.</summary>
    public string PageUrl(int number) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Request.Path,
        Request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page", number.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
