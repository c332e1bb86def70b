using Ensa.Data;
using Ensa.Suppliers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Suppliers;

/// <summary>Suppliers are shared by all organizers: any signed-in user may list them.</summary>
public sealed class IndexModel(EnsaDbContext db) : PageModel
{
    public IReadOnlyList<Supplier> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = (await db.Suppliers.AsNoTracking().ToListAsync()).OrderBy(s => s.Name, SwedishCalendar.Comparer).ToList();
}
