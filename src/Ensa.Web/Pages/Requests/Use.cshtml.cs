using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Requests;

/// <summary>Step 4: the unit names its registeransvarig and local system administrator and confirms training;
/// then the resource counts as in use there.</summary>
public sealed class UseModel(EnsaDbContext db, RequestAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public Guid? RegisteransvarigUserId { get; set; }
    [BindProperty, StringLength(ResourceUse.AdministratorNameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Use.AdministratorName")]
    public string? AdministratorName { get; set; }
    [BindProperty, StringLength(ResourceUse.AdministratorEmailMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Use.AdministratorEmail")]
    public string? AdministratorEmail { get; set; }
    [BindProperty, Display(Name = "Use.EndedOn")] public DateOnly? EndedOn { get; set; }
    [BindProperty] public bool SupplierDataRemoved { get; set; }
    [BindProperty, StringLength(ResourceUse.EndNoteMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Use.EndNote")]
    public string? EndNote { get; set; }
    /// <summary>Ending use is not undone: the form asks for an explicit confirmation.</summary>
    [BindProperty] public bool ConfirmEnd { get; set; }

    /// <summary>The steps this page takes.</summary>
    public static readonly RequestStep[] PageSteps = [RequestStep.NameResponsibles, RequestStep.ConfirmTraining, RequestStep.EndUse];

    public ResourceRequest Current { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    public IReadOnlySet<RequestStep> Allowed { get; private set; } = new HashSet<RequestStep>();
    public IReadOnlyList<(Guid Id, string Name)> People { get; private set; } = [];

    /// <summary>Nothing to do here and no ended use to show: the page is not the viewer's.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id) || (!PageSteps.Any(Allowed.Contains) && Current.Use?.EndedOn is null)) return NotFound();
        var use = Current.Use;
        // The principal is registeransvarig unless the unit names someone else.
        RegisteransvarigUserId = use?.RegisteransvarigUserId ?? await db.Memberships
            .Where(m => m.Role == Role.Principal && m.OrganisationUnitId == Current.SchoolUnitId).Select(m => (Guid?)m.UserId).FirstOrDefaultAsync();
        (AdministratorName, AdministratorEmail) = (use?.AdministratorName, use?.AdministratorEmail);
        return Page();
    }

    public async Task<IActionResult> OnPostNameAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (RegisteransvarigUserId is not { } registeransvarig || People.All(p => p.Id != registeransvarig))
            return Refuse("Use.ChooseRegisteransvarig");
        if (!string.IsNullOrWhiteSpace(AdministratorEmail) && !new EmailAddressAttribute().IsValid(AdministratorEmail))
            return Refuse("Validation.Email");
        return await SaveAsync(Current.NameResponsibles(Actor, registeransvarig, AdministratorName ?? "", AdministratorEmail ?? "",
            clock.GetUtcNow().UtcDateTime), id);
    }

    public async Task<IActionResult> OnPostTrainingAsync(Guid id, bool trained)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (!trained) return Refuse("Use.TrainingNotChecked");
        return await SaveAsync(Current.ConfirmTraining(Actor, clock.GetUtcNow().UtcDateTime), id);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        if (EndedOn is not { } endedOn) return Refuse("Use.EndDateMissing");
        if (!ConfirmEnd) return Refuse("Use.EndNotConfirmed");
        return await SaveAsync(Current.EndUse(Actor, endedOn, SupplierDataRemoved, EndNote, clock.GetUtcNow().UtcDateTime), id);
    }

    private async Task<IActionResult> SaveAsync(Common.Result result, Guid id)
    {
        if (!result.Succeeded) return Refuse(result.Error!.Code);
        await db.SaveChangesAsync();
        TempData["Message"] = l[Current.Status switch
        {
            RequestStatus.InUse => "Use.InUse",
            RequestStatus.UseEnded => "Use.Ended",
            _ => "Use.Saved",
        }].Value;
        return RedirectToPage("/Requests/Details", new { id });
    }

    private PageResult Refuse(string code)
    {
        ModelState.AddModelError("", l[code]);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.LoadAsync(id) is not var (request, actor)) return false;
        (Current, Actor, Allowed) = (request, actor, request.AllowedSteps(actor));
        // Registeransvarig: someone with a role at this organizer (the query filter keeps memberships here).
        People = (await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName })
                .Distinct().ToListAsync())
            .OrderBy(p => p.DisplayName, SwedishCalendar.Comparer).Select(p => (p.Id, p.DisplayName)).ToList();
        return true;
    }
}
