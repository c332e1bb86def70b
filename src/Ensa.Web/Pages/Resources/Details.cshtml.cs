using Ensa.Data;
using Ensa.Requests;
using Ensa.Resources;
using Ensa.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Resources;

/// <summary>One learning resource: what it is, what the user's own organizer decided about it (with its conditions, which
/// every user must see), where it is in use here, and how many organizers approve it.</summary>
public sealed class DetailsModel(EnsaDbContext db, Catalogue catalogue, Publishing.PublicList publicList) : PageModel
{
    public sealed record DecisionRow(Decision Decision, string? Conditions, string? Reason, DateTime DecidedAt, string? DecidedBy);

    public LearningResource Resource { get; private set; } = null!;
    public string? SupplierName { get; private set; }
    public string? SupplierCountry { get; private set; }
    public int ApprovedBy { get; private set; }
    /// <summary>This organizer's decisions, newest first: the first is where the resource stands here.</summary>
    public IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];
    public IReadOnlyList<(string Unit, DateTime Since)> InUseAt { get; private set; } = [];
    public bool HasOrganizer => User.OrganizerId() is not null;
    public bool CanEdit => Catalogue.CanEdit(User);
    public bool CanWriteGuidance => User.IsInRole(Identity.Roles.CentralReviewer);
    public Publishing.ResourceGuidance? Guidance { get; private set; }
    /// <summary>The organizer's public list entry, when the resource is on it.</summary>
    public string? PublicAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var resource = await db.LearningResources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (resource is null) return NotFound();
        Resource = resource;
        var supplier = await db.Suppliers.AsNoTracking().Where(s => s.Id == resource.SupplierId)
            .Select(s => new { s.Name, s.CountryCode }).SingleOrDefaultAsync();
        (SupplierName, SupplierCountry) = (supplier?.Name, supplier?.CountryCode);
        ApprovedBy = (await catalogue.DescribeAsync([id])).Single().ApprovedBy;
        if (!HasOrganizer) return Page();

        // The query filter keeps reviews and uses to the current organizer.
        Decisions = (await db.ResourceReviews.AsNoTracking().Where(r => r.ResourceId == id && r.DecidedAt != null)
                .Select(r => new DecisionRow(r.Decision!.Value, r.Conditions, r.Reason, r.DecidedAt!.Value, r.DecidedByName)).ToListAsync())
            .OrderByDescending(r => r.DecidedAt).ToList();
        InUseAt = (await db.ResourceUses.AsNoTracking().Where(u => u.ResourceId == id && u.InUseSince != null)
                .Join(db.OrganisationUnits, u => u.SchoolUnitId, o => o.Id, (u, o) => new { o.Name, Since = u.InUseSince!.Value }).ToListAsync())
            .OrderBy(u => u.Name, Format.Sorting).Select(u => (u.Name, u.Since)).ToList();
        Guidance = await db.ResourceGuidance.AsNoTracking().SingleOrDefaultAsync(g => g.ResourceId == id);
        var organizerId = User.OrganizerId()!.Value;
        if (await publicList.FindAsync(organizerId, id) is not null)
            PublicAddress = $"/public/{await db.Organizers.Where(o => o.Id == organizerId).Select(o => o.Slug).SingleAsync()}/resources/{id}";
        return Page();
    }
}
