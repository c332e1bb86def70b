using Ensa.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Purchasing.FrameworkAgreements;

/// <summary>The organizer's framework agreements, which the purchase step offers.</summary>
public sealed class IndexModel(EnsaDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? Supplier, string? Reference, DateOnly? ValidFrom, DateOnly? ValidTo, bool Active,
        int Purchases);

    public IReadOnlyList<Row> Agreements { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await db.FrameworkAgreements
            .Select(f => new Row(f.Id, f.Name, f.Supplier, f.Reference, f.ValidFrom, f.ValidTo, f.Active,
                db.Purchases.Count(p => p.FrameworkAgreementId == f.Id)))
            .ToListAsync();
        Agreements = [.. rows.OrderBy(r => r.Name, SwedishCalendar.Comparer)];
    }
}
