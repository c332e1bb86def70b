using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Agreements;

/// <summary>The organizer's data processing agreements with their state; those waiting for an answer on a supplier's
/// new version first.</summary>
public sealed class IndexModel(EnsaDbContext db, AgreementAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Resource, string Supplier, AgreementStatus Status, int? DescriptionVersion,
        bool VersionChangePending, DateOnly? ReviewDate, DateOnly? EndDate, string? RegistryNumber);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool MayCreate { get; private set; }
    /// <summary>Suppliers' standing offers open to this organizer that it has not joined.</summary>
    public int OffersAvailable { get; private set; }

    public async Task OnGetAsync()
    {
        MayCreate = Agreement.CheckCreate(access.Actor()).Succeeded;
        var open = await OffersModel.OpenToAsync(db, User.OrganizerId()!.Value);
        var joined = await db.Agreements.Where(a => a.StandingOfferId != null).Select(a => a.StandingOfferId!.Value).ToListAsync();
        OffersAvailable = open.Count(o => !joined.Contains(o.Id));
        var rows = await db.Agreements
            .Select(a => new Row(a.Id,
                db.LearningResources.Where(r => r.Id == a.ResourceId).Select(r => r.Name).First(),
                db.Suppliers.Where(s => s.Id == a.SupplierId).Select(s => s.Name).First(),
                a.Status, a.DescriptionVersion, a.PendingDescriptionId != null, a.ReviewDate, a.EndDate, a.RegistryNumber))
            .ToListAsync();
        Rows = rows.OrderByDescending(r => r.VersionChangePending).ThenBy(r => r.Status is AgreementStatus.Terminated or AgreementStatus.Expired)
            .ThenBy(r => r.Resource, SwedishCalendar.Comparer).ToList();
    }
}
