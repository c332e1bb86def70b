using Ensa.Agreements;
using Ensa.Data;
using Ensa.MasterData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Agreements;

/// <summary>The suppliers' standing offers open to this organizer (issue 13), and joining one: "Join" makes the
/// organizer's agreement from the offer with its parts from the organizer's profile, straight into review; the
/// organizer's reviewer and security coordinator record their assessments, approve it, and its signatory's signature in
/// Ensa puts it in force (the supplier signed the offer already).</summary>
public sealed class OffersModel(EnsaDbContext db, AgreementAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary><see cref="AgreementId"/>: the organizer's agreement on the offer, when it joined.</summary>
    public sealed record OfferRow(Guid Id, string Resource, string Supplier, int TemplateVersion, int DescriptionVersion, string SignedBy,
        DateTime SignedAt, bool Restricted, Guid? AgreementId);

    [BindProperty] public Guid? OfferId { get; set; }

    public IReadOnlyList<OfferRow> Offers { get; private set; } = [];
    public bool MayJoin { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostJoinAsync()
    {
        var actor = access.Actor();
        var organizerId = User.OrganizerId()!.Value;
        var offer = await db.StandingOffers.SingleOrDefaultAsync(o => o.Id == OfferId);
        // An offer not open to this organizer is not shown to it: the same as one that does not exist.
        if (offer is null || (!offer.IsOpenToAll && !offer.NamedOrganizerIds.Contains(organizerId))) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var template = await db.AgreementTemplates.SingleAsync(t => t.Id == offer.TemplateId);
        var description = await db.SupplierDescriptions.SingleAsync(d => d.Id == offer.DescriptionId);
        var resource = await db.LearningResources.SingleAsync(r => r.Id == offer.ResourceId);
        var joined = await db.Agreements.AnyAsync(a => a.StandingOfferId == offer.Id);
        var parts = await ProfilePartsAsync(db, User, organizerId);
        var result = Agreement.JoinOffer(organizerId, actor, offer, template, resource, description, parts, joined, now, out var agreement);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            await LoadAsync();
            return Page();
        }
        db.Agreements.Add(agreement!);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Offer.Joined"].Value;
        return RedirectToPage("Details", new { id = agreement!.Id });
    }

    /// <summary>The organizer's parts as its profile has them (as <see cref="NewModel"/> prefills them): its controller,
    /// the signed-in user as agreement contact (unless a protected person) and its data protection officer.</summary>
    public static async Task<OrganizerParts> ProfilePartsAsync(EnsaDbContext db, System.Security.Claims.ClaimsPrincipal user, Guid organizerId)
    {
        var organizer = await db.Organizers.SingleAsync(o => o.Id == organizerId);
        var me = user.UserId()!.Value;
        var contact = await db.IsProtectedAsync(organizer.Id, me)
            ? new ContactPerson("", "")
            : new ContactPerson(user.FindFirst(EnsaClaimTypes.DisplayName)?.Value ?? "", await db.Users.Where(u => u.Id == me).Select(u => u.Email ?? "").SingleAsync());
        return new OrganizerParts(organizer.ControllerName, contact,
            new ContactPerson(organizer.DataProtectionOfficerName ?? "", organizer.DataProtectionOfficerEmail ?? ""));
    }

    /// <summary>The open offers this organizer may join (the named organizers are a JSON list: filtered here).</summary>
    public static async Task<List<StandingOffer>> OpenToAsync(EnsaDbContext db, Guid organizerId) =>
        (await db.StandingOffers.AsNoTracking().Where(o => o.WithdrawnAt == null && o.SupersededAt == null).ToListAsync())
        .Where(o => o.CheckJoin(organizerId).Succeeded).ToList();

    private async Task LoadAsync()
    {
        var organizerId = User.OrganizerId()!.Value;
        MayJoin = Agreement.CheckCreate(access.Actor()).Succeeded;
        var offers = await OpenToAsync(db, organizerId);
        var ids = offers.Select(o => o.Id).ToList();
        var mine = await db.Agreements.Where(a => a.StandingOfferId != null && ids.Contains(a.StandingOfferId.Value))
            .Select(a => new { Offer = a.StandingOfferId!.Value, a.Id }).ToListAsync();
        var resourceIds = offers.Select(o => o.ResourceId).Distinct().ToList();
        var resources = await db.LearningResources.Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name);
        var supplierIds = offers.Select(o => o.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name);
        Offers = offers.Select(o => new OfferRow(o.Id, resources[o.ResourceId], suppliers[o.SupplierId], o.TemplateVersion, o.DescriptionVersion,
                o.SignedByName, o.SignedAt, !o.IsOpenToAll, mine.FirstOrDefault(m => m.Offer == o.Id)?.Id))
            .OrderBy(o => o.Resource, SwedishCalendar.Comparer).ToList();
    }
}
