using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Platform.Suppliers;

/// <summary>The platform admin's list of suppliers: who has people in Ensa, and which ones organizers are waiting for
/// but nobody acts for yet (those the platform admin onboards, after checking who represents them).</summary>
public sealed class IndexModel(EnsaDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? OrganisationNumber, string? ForeignRegistration, int People, int Waiting);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = (await db.Suppliers.AsNoTracking()
                .Select(s => new Row(s.Id, s.Name, s.OrganisationNumber, s.ForeignRegistration,
                    db.Users.Count(u => u.SupplierId == s.Id),
                    db.Agreements.IgnoreQueryFilters().Count(a => a.SupplierId == s.Id && a.Status == AgreementStatus.SentToSupplier)))
                .ToListAsync())
            .OrderByDescending(r => r.People == 0 && r.Waiting > 0).ThenBy(r => r.Name, SwedishCalendar.Comparer).ToList();
}
