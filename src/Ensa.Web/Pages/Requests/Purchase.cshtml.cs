using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Requests;

/// <summary>Step 3: the central department records how an approved resource was acquired.</summary>
public sealed class PurchaseModel(EnsaDbContext db, RequestAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        /// <summary>Nullable: a post without a kind is refused, not read as a framework agreement.</summary>
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Purchase.Kind")]
        public ProcurementKind? Kind { get; set; }
        public Guid? FrameworkAgreementId { get; set; }
        [Range(1, 1_000_000, ErrorMessage = "Validation.Range"), Display(Name = "Field.Licences")]
        public int? Licences { get; set; }
        [Display(Name = "Purchase.PeriodStart")]
        public DateOnly? PeriodStart { get; set; }
        [Display(Name = "Purchase.PeriodEnd")]
        public DateOnly? PeriodEnd { get; set; }
        // Bounds of the property's own type: int bounds on a decimal make the check itself overflow (a 500).
        [Range(typeof(decimal), "0", "100000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
            ErrorMessage = "Validation.Range"), Display(Name = "Field.Cost")]
        public decimal? Cost { get; set; }
        [StringLength(Purchase.ReferenceMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Field.OrderReference")]
        public string? OrderReference { get; set; }
        [StringLength(Purchase.ReferenceMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Field.ServiceAgreement")]
        public string? ServiceAgreementReference { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public ResourceRequest Current { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    public bool Allowed { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> FrameworkAgreements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id) || !Allowed) return NotFound();
        Input.Kind = ProcurementKind.FrameworkAgreement;
        if (Current.Purchase is { } p)
            Input = new InputModel
            {
                Kind = p.Kind, FrameworkAgreementId = p.FrameworkAgreementId, Licences = p.Licences, PeriodStart = p.PeriodStart,
                PeriodEnd = p.PeriodEnd, Cost = p.Cost, OrderReference = p.OrderReference, ServiceAgreementReference = p.ServiceAgreementReference,
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Input.Kind == ProcurementKind.FrameworkAgreement && FrameworkAgreements.All(f => f.Id != Input.FrameworkAgreementId))
            ModelState.AddModelError("Input.FrameworkAgreementId", l["Purchase.ChooseFramework"]);
        if (Input.PeriodStart > Input.PeriodEnd) ModelState.AddModelError("Input.PeriodEnd", l["Purchase.PeriodOrder"]);
        if (Input.Kind == ProcurementKind.FreeService && string.IsNullOrWhiteSpace(Input.ServiceAgreementReference))
            ModelState.AddModelError("Input.ServiceAgreementReference", l["Purchase.ServiceAgreementNeeded"]);
        if (!ModelState.IsValid) return Page();
        var purchase = new Purchase(Input.Kind!.Value, Input.FrameworkAgreementId, Input.Licences, Input.PeriodStart, Input.PeriodEnd, Input.Cost,
            Input.OrderReference?.Trim(), Input.ServiceAgreementReference?.Trim());
        var result = Current.RecordPurchase(Actor, purchase, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Purchase.Saved"].Value;
        return RedirectToPage("/Requests/Details", new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.LoadAsync(id) is not var (request, actor)) return false;
        (Current, Actor, Allowed) = (request, actor, request.AllowedSteps(actor).Contains(RequestStep.RecordPurchase));
        var chosen = request.Purchase?.FrameworkAgreementId;
        FrameworkAgreements = (await db.FrameworkAgreements.Where(f => f.Active || f.Id == chosen)
                .Select(f => new { f.Id, f.Name }).ToListAsync())
            .OrderBy(f => f.Name, SwedishCalendar.Comparer).Select(f => (f.Id, f.Name)).ToList();
        return true;
    }
}
