using Ensa.Agreements;
using Ensa.Data;
using Ensa.MasterData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Agreements;

/// <summary>Starts an agreement for a resource: from the supplier's current published description when there is one
/// (describe once, reuse everywhere), otherwise as a draft to send to the supplier.</summary>
public sealed class NewModel(EnsaDbContext db, AgreementAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Choice(Guid Id, string Name, string Supplier, int? PublishedVersion);

    [BindProperty] public Guid? ResourceId { get; set; }
    [BindProperty] public PartsInput Parts { get; set; } = new();

    public IReadOnlyList<Choice> Resources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? resource)
    {
        if (!Agreement.CheckCreate(access.Actor()).Succeeded) return Forbid();
        ResourceId = resource;
        var organizerId = User.OrganizerId();
        var organizer = await db.Organizers.SingleAsync(o => o.Id == organizerId);
        // The agreement goes to the supplier: a protected person is not offered as its contact.
        var me = User.UserId()!.Value;
        var contact = await db.IsProtectedAsync(organizer.Id, me)
            ? new ContactPerson("", "")
            : new ContactPerson(User.FindFirst(EnsaClaimTypes.DisplayName)?.Value ?? "", await db.Users.Where(u => u.Id == me).Select(u => u.Email ?? "").SingleAsync());
        Parts = PartsInput.From(new OrganizerParts(organizer.ControllerName, contact,
            new ContactPerson(organizer.DataProtectionOfficerName ?? "", organizer.DataProtectionOfficerEmail ?? "")));
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = access.Actor();
        if (!Agreement.CheckCreate(actor).Succeeded) return Forbid();
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var resource = ResourceId is { } id ? await db.LearningResources.SingleOrDefaultAsync(r => r.Id == id) : null;
        if (resource is null) return await RefuseAsync(new DomainError("Agreement.ChooseResource"));
        var template = await db.AgreementTemplates.OrderByDescending(t => t.Version).FirstAsync();
        var description = await db.SupplierDescriptions
            .Where(d => d.ResourceId == resource.Id && d.SupplierId == resource.SupplierId && d.PublishedAt != null)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync();
        var result = Agreement.Create(User.OrganizerId()!.Value, actor, template, resource, description, Parts.ToParts(), now, out var agreement);
        if (!result.Succeeded) return await RefuseAsync(result.Error!);
        db.Agreements.Add(agreement!);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Agreement.Created"].Value;
        return RedirectToPage("Details", new { id = agreement!.Id });

        async Task<IActionResult> RefuseAsync(DomainError error)
        {
            ModelState.AddModelError("", l[error.Code]);
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var rows = await db.LearningResources.Where(r => r.SupplierId != null)
            .Select(r => new Choice(r.Id, r.Name, db.Suppliers.Where(s => s.Id == r.SupplierId).Select(s => s.Name).First(),
                db.SupplierDescriptions.Where(d => d.ResourceId == r.Id && d.SupplierId == r.SupplierId && d.PublishedAt != null)
                    .Max(d => (int?)d.Version)))
            .ToListAsync();
        Resources = rows.OrderBy(r => r.Name, SwedishCalendar.Comparer).ToList();
    }
}
