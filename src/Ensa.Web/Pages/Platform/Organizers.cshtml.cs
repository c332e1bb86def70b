using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Organizers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Platform;

/// <summary>All organizers on the platform, for the platform admin (the one place that crosses tenants): creates an
/// organizer and invites its first admin, and deactivates or reactivates one.</summary>
public sealed class OrganizersModel(EnsaDbContext db, OrganizerCreation creation, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid Id, string Name, string OrganisationNumber, string ControllerName, string Slug, int Units, int Members,
        DateTime? DeactivatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>The organizer whose deactivation the admin is asked to confirm.</summary>
    public Row? Confirming { get; private set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel : Admin.OrganizerProfileInput
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(OrganizerSetup.NameMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "Organizers.Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(11, ErrorMessage = "Validation.Length")]
        [Display(Name = "Organizers.Number")]
        public string OrganisationNumber { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(Organizer.SlugMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "Organizers.Slug")]
        public string Slug { get; set; } = "";

        [Display(Name = "Organizers.Kind")]
        public OrganizerKind Kind { get; set; } = OrganizerKind.Municipality;

        [Required(ErrorMessage = "Validation.Required"), StringLength(OneTimeInvitation.DisplayNameMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "Organizers.AdminName")]
        public string AdminName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(OneTimeInvitation.EmailMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Organizers.AdminEmail")]
        public string AdminEmail { get; set; } = "";
    }

    public async Task OnGetAsync(Guid? deactivate)
    {
        await LoadAsync();
        Confirming = Rows.FirstOrDefault(r => r.Id == deactivate && r.DeactivatedAt is null);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var input = new NewOrganizer(Input.Name, Input.OrganisationNumber, Input.Slug, Input.Kind, Input.ControllerName, Input.AdminName,
            Input.AdminEmail, Input.DpoName, Input.DpoEmail);
        var (result, created) = await creation.CreateAsync(input, User.UserId()!.Value);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            await LoadAsync();
            return Page();
        }
        TempData["Message"] = l["Organizers.Created", created!.Organizer.Name, created.Invitation.Email].Value;
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id) =>
        ChangeAsync(id, o => o.Deactivate(clock.GetUtcNow().UtcDateTime), "Organizers.Deactivated");

    public Task<IActionResult> OnPostReactivateAsync(Guid id) => ChangeAsync(id, o => o.Reactivate(), "Organizers.Reactivated");

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Organizer, Common.Result> change, string done)
    {
        if (await db.Organizers.SingleOrDefaultAsync(o => o.Id == id) is not { } organizer) return NotFound();
        var result = change(organizer);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            await LoadAsync();
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l[done, organizer.Name].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Rows = (await db.Organizers.AsNoTracking().Select(o => new Row(o.Id, o.Name, o.OrganisationNumber, o.ControllerName, o.Slug,
                db.OrganisationUnits.IgnoreQueryFilters().Count(u => u.OrganizerId == o.Id && u.Kind == UnitKind.SchoolUnit),
                db.Memberships.IgnoreQueryFilters().Where(m => m.OrganizerId == o.Id).Select(m => m.UserId).Distinct().Count(),
                o.DeactivatedAt))
            .ToListAsync()).OrderBy(r => r.Name, SwedishCalendar.Comparer).ToList();
}
