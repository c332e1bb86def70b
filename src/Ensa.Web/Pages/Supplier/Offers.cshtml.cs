using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ensa.Agreements;
using Ensa.Data;
using Ensa.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.SupplierPortal;

/// <summary>The supplier's standing offers for one of its resources (issue 13): its admins sign the published description
/// with the current main text as an offer (account and second factor, over the exact document shown), name the organizers
/// it is open to or open it to all, and withdraw it; every user sees each offer's organizers — signed, in review, left
/// the offer to negotiate, objected — and what waits for the supplier. Agreements are read past the tenant filter, only
/// this supplier's, and only what the supplier may see (an objection's reason only when shared).</summary>
public sealed class OffersModel(EnsaDbContext db, AgreementSigning signing, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record OfferRow(StandingOffer Offer, IReadOnlyList<JoinerRow> Organizers);
    public sealed record JoinerRow(Guid AgreementId, string Organizer, AgreementStatus Status, bool LeftOffer, DateOnly? InForceFrom,
        bool Objected, string? ObjectionReason, bool SupplierSigned)
    {
        /// <summary>The supplier must sign: the organizer left the offer and approved its negotiated agreement.</summary>
        public bool NeedsSupplier => LeftOffer && Status == AgreementStatus.ReadyToSign && !SupplierSigned;
    }
    public sealed record OrganizerChoice(Guid Id, string Name);

    [BindProperty, StringLength(AgreementSignatory.TitleMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.SignatoryTitle")]
    public string? Title { get; set; }
    [BindProperty] public string? DocumentSha256 { get; set; }
    [BindProperty, Display(Name = "Signing.Confirm")] public bool Confirmed { get; set; }
    [BindProperty] public bool OpenToAll { get; set; } = true;
    [BindProperty] public List<Guid> OrganizerIds { get; set; } = [];
    [BindProperty] public Guid? OfferId { get; set; }

    public LearningResource Resource { get; private set; } = null!;
    public string SupplierName { get; private set; } = "";
    public SupplierDescription? Published { get; private set; }
    public AgreementTemplate Template { get; private set; } = null!;
    public bool IsSupplierAdmin { get; private set; }
    public bool HasSecondFactor => User.HasSecondFactor();
    /// <summary>The document a new offer is signed over, rendered once per request.</summary>
    private string? _html;
    /// <summary>The hash of the offer document the admin reads now (latest published description, current main text).</summary>
    public string? Sha256 { get; private set; }
    public IReadOnlyList<OfferRow> Offers { get; private set; } = [];
    public IReadOnlyList<OrganizerChoice> AllOrganizers { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OrganizerNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    /// <summary>The document a new offer would be signed over, as HTML.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id)
    {
        if (!await LoadAsync(id) || Published is null) return NotFound();
        return Content(_html ?? await signing.OfferDocumentAsync(this, Template, Published), "text/html; charset=utf-8");
    }

    /// <summary>The document a published offer was signed over, exactly.</summary>
    public async Task<IActionResult> OnGetOfferDocumentAsync(Guid id, Guid offer)
    {
        if (!await LoadAsync(id) || Offers.FirstOrDefault(o => o.Offer.Id == offer) is not { } row) return NotFound();
        return Content(row.Offer.Html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), l["Signing.NotConfirmed"]);
            return Page();
        }
        if (Published is null) return Refuse(new DomainError("Agreement.DescriptionNotPublished"));
        var now = clock.GetUtcNow().UtcDateTime;
        var html = _html ?? await signing.OfferDocumentAsync(this, Template, Published);
        var signature = new ElectronicSignature(Title ?? "", SupplierName, User.SignatureMethod(), HasSecondFactor, DocumentSha256 ?? "");
        var known = AllOrganizers.Select(o => o.Id).ToHashSet();
        List<Guid> named = OpenToAll ? [] : OrganizerIds.Where(known.Contains).ToList();
        if (!OpenToAll && named.Count == 0) return Refuse(new DomainError("Offer.NameOrganizers"));
        var current = await db.StandingOffers.Where(o => o.ResourceId == Resource.Id && o.SupplierId == Resource.SupplierId
            && o.WithdrawnAt == null && o.SupersededAt == null).OrderByDescending(o => o.SignedAt).FirstOrDefaultAsync();
        var result = StandingOffer.Publish(SupplierActor(), Template, Published, html, signature, named, current, now, out var offer);
        if (!result.Succeeded) return Refuse(result.Error!);
        db.StandingOffers.Add(offer!);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Offer.Published"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var offer = await db.StandingOffers.SingleOrDefaultAsync(o => o.Id == OfferId && o.ResourceId == Resource.Id && o.SupplierId == Resource.SupplierId);
        if (offer is null) return NotFound();
        var result = offer.Withdraw(SupplierActor(), clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded) return Refuse(result.Error!);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Offer.WithdrawnMessage"].Value;
        return RedirectToPage(new { id });
    }

    private PageResult Refuse(DomainError error)
    {
        ModelState.AddModelError("", l[error.Code, error.Args]);
        return Page();
    }

    private Actor SupplierActor() => Actor.SupplierUser(User.UserId()!.Value, User.FindFirstValue(EnsaClaimTypes.DisplayName) ?? "",
        User.SupplierId()!.Value, IsSupplierAdmin);

    private async Task<bool> LoadAsync(Guid id)
    {
        if (User.SupplierId() is not { } supplierId || User.UserId() is not { } userId) return false;
        if (await db.LearningResources.SingleOrDefaultAsync(r => r.Id == id && r.SupplierId == supplierId) is not { } resource) return false;
        Resource = resource;
        SupplierName = await db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.Name).SingleAsync();
        IsSupplierAdmin = await db.Users.AnyAsync(u => u.Id == userId && u.SupplierId == supplierId && u.IsSupplierAdmin);
        Published = await db.SupplierDescriptions.Where(d => d.ResourceId == id && d.SupplierId == supplierId && d.PublishedAt != null)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync();
        Template = await db.AgreementTemplates.OrderByDescending(t => t.Version).FirstAsync();
        AllOrganizers = (await db.Organizers.Select(o => new OrganizerChoice(o.Id, o.Name)).ToListAsync())
            .OrderBy(o => o.Name, SwedishCalendar.Comparer).ToList();
        OrganizerNames = AllOrganizers.ToDictionary(o => o.Id, o => o.Name);
        var offers = await db.StandingOffers.AsNoTracking().Where(o => o.ResourceId == id && o.SupplierId == supplierId)
            .OrderByDescending(o => o.SignedAt).ToListAsync();
        var offerIds = offers.Select(o => o.Id).ToList();
        var joiners = await db.Agreements.IgnoreQueryFilters().Where(a => a.SupplierId == supplierId && a.StandingOfferId != null && offerIds.Contains(a.StandingOfferId.Value))
            .Select(a => new
            {
                OfferId = a.StandingOfferId!.Value,
                Row = new JoinerRow(a.Id, db.Organizers.Where(o => o.Id == a.OrganizerId).Select(o => o.Name).First(), a.Status,
                    a.LeftOfferAt != null, a.InForceFrom, a.ObjectedAt != null, a.ObjectionReasonShared ? a.ObjectionReason : null,
                    db.AgreementSignatories.IgnoreQueryFilters().Any(s => s.AgreementId == a.Id && s.Party == AgreementParty.Supplier)),
            })
            .ToListAsync();
        Offers = offers.Select(o => new OfferRow(o, joiners.Where(j => j.OfferId == o.Id).Select(j => j.Row)
            .OrderBy(r => !r.NeedsSupplier).ThenBy(r => r.Organizer, SwedishCalendar.Comparer).ToList())).ToList();
        if (IsSupplierAdmin && Published is not null)
            Sha256 = SignedAgreementDocument.Hash(_html = await signing.OfferDocumentAsync(this, Template, Published));
        return true;
    }
}
