using Ensa.Agreements;
using Ensa.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.SupplierPortal;

/// <summary>The supplier portal: the supplier's own resources and their descriptions, the organizers waiting for a
/// description, and organizers' objections to a new version (with the reason where the organizer shared it). Agreements
/// are read past the tenant filter, but only this supplier's, and only what organizers sent to the supplier — never an
/// organizer's internal review or an objection's reason it kept to itself.</summary>
public sealed class IndexModel(EnsaDbContext db) : PageModel
{
    public sealed record ResourceRow(Guid Id, string Name, int? Published, int? Draft);
    /// <summary><see cref="Comment"/>: what the organizer asked the supplier to change when it sent the agreement back.</summary>
    public sealed record Waiting(string Organizer, string Resource, Guid ResourceId, DateTime Since, string? Comment);
    /// <summary><see cref="Reason"/>: only when the organizer chose to share it with the supplier.</summary>
    public sealed record Objection(string Organizer, string Resource, int? Version, DateTime At, string? Reason);

    public string SupplierName { get; private set; } = "";
    public IReadOnlyList<ResourceRow> Resources { get; private set; } = [];
    public IReadOnlyList<Waiting> WaitingFor { get; private set; } = [];
    public IReadOnlyList<Objection> Objections { get; private set; } = [];
    public bool IsSupplierAdmin { get; private set; }
    /// <summary>Agreements ready to sign or signed, the ones waiting for the supplier's signature first.</summary>
    public IReadOnlyList<SigningRow> Signing { get; private set; } = [];
    public sealed record SigningRow(Guid Id, string Organizer, string Resource, AgreementStatus Status, bool SupplierSigned, DateTime Updated);

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.SupplierId() is not { } supplierId) return Forbid();
        SupplierName = await db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.Name).SingleAsync();
        IsSupplierAdmin = await db.Users.AnyAsync(u => u.Id == User.UserId() && u.IsSupplierAdmin);
        Resources = (await db.LearningResources.Where(r => r.SupplierId == supplierId)
                .Select(r => new ResourceRow(r.Id, r.Name,
                    db.SupplierDescriptions.Where(d => d.ResourceId == r.Id && d.SupplierId == supplierId && d.PublishedAt != null).Max(d => (int?)d.Version),
                    db.SupplierDescriptions.Where(d => d.ResourceId == r.Id && d.SupplierId == supplierId && d.PublishedAt == null).Max(d => (int?)d.Version)))
                .ToListAsync())
            .OrderBy(r => r.Name, SwedishCalendar.Comparer).ToList();
        var mine = db.Agreements.IgnoreQueryFilters().Where(a => a.SupplierId == supplierId);
        WaitingFor = await mine.Where(Agreement.WaitsForDescription(db.SupplierDescriptions))
            .Select(a => new Waiting(db.Organizers.Where(o => o.Id == a.OrganizerId).Select(o => o.Name).First(),
                db.LearningResources.Where(r => r.Id == a.ResourceId).Select(r => r.Name).First(), a.ResourceId, a.UpdatedAt,
                db.AgreementEvents.IgnoreQueryFilters().Where(e => e.AgreementId == a.Id && e.Kind == AgreementEventKind.ReturnedToSupplier)
                    .OrderByDescending(e => e.At).Select(e => e.Comment).FirstOrDefault()))
            .ToListAsync();
        Objections = await mine.Where(a => a.ObjectedAt != null)
            .Select(a => new Objection(db.Organizers.Where(o => o.Id == a.OrganizerId).Select(o => o.Name).First(),
                db.LearningResources.Where(r => r.Id == a.ResourceId).Select(r => r.Name).First(), a.PendingDescriptionVersion,
                a.ObjectedAt!.Value, a.ObjectionReasonShared ? a.ObjectionReason : null))
            .ToListAsync();
        // An agreement on a standing offer is signed by the supplier already (the offer's page lists them).
        Signing = (await mine.Where(a => (a.Status == AgreementStatus.ReadyToSign && (a.StandingOfferId == null || a.LeftOfferAt != null)) || a.SignedAt != null)
                .OrderByDescending(a => a.UpdatedAt).Take(200)
                .Select(a => new SigningRow(a.Id, db.Organizers.Where(o => o.Id == a.OrganizerId).Select(o => o.Name).First(),
                    db.LearningResources.Where(r => r.Id == a.ResourceId).Select(r => r.Name).First(), a.Status,
                    db.AgreementSignatories.IgnoreQueryFilters().Any(s => s.AgreementId == a.Id && s.Party == AgreementParty.Supplier), a.UpdatedAt))
                .ToListAsync())
            .OrderBy(r => r.Status != AgreementStatus.ReadyToSign || r.SupplierSigned).ThenByDescending(r => r.Updated).ToList();
        return Page();
    }
}
