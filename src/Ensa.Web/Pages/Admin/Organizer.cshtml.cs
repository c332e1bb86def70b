using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Organizers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin;

/// <summary>The organizer admin keeps the controller (committee) and the data protection officer up to date.</summary>
public sealed class OrganizerModel(EnsaDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string Name { get; private set; } = "";
    public string OrganisationNumber { get; private set; } = "";
    public string Slug { get; private set; } = "";

    public sealed class InputModel : OrganizerProfileInput
    {
        [Display(Name = "Field.RequiredTwoFactor")]
        public RequiredTwoFactor RequiredTwoFactor { get; set; }

        [Range(1, Organizer.MaxTaskTargetWorkingDays, ErrorMessage = "Validation.Range"), Display(Name = "Field.TaskTarget")]
        public int TaskTargetWorkingDays { get; set; } = Organizer.DefaultTaskTargetWorkingDays;

        [Display(Name = "Shared.ShareReviewsByDefault")]
        public bool ShareReviewsByDefault { get; set; }
    }

    public async Task OnGetAsync()
    {
        var organizer = await LoadAsync();
        Input = new InputModel
        {
            ControllerName = organizer.ControllerName,
            DpoName = organizer.DataProtectionOfficerName,
            DpoEmail = organizer.DataProtectionOfficerEmail,
            RequiredTwoFactor = organizer.RequiredTwoFactor,
            TaskTargetWorkingDays = organizer.TaskTargetWorkingDays,
            ShareReviewsByDefault = organizer.ShareReviewsByDefault,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var organizer = await LoadAsync();
        if (!ModelState.IsValid) return Page();
        organizer.RenameController(Input.ControllerName);
        organizer.SetDataProtectionOfficer(Input.DpoName?.Trim(), Input.DpoEmail?.Trim());
        organizer.RequireTwoFactor(Input.RequiredTwoFactor);
        organizer.SetTaskTarget(Input.TaskTargetWorkingDays);
        organizer.ShareReviews(Input.ShareReviewsByDefault);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Organizer.Saved"].Value;
        return RedirectToPage();
    }

    /// <summary>Always the organizer the admin acts for: there is no id to tamper with.</summary>
    private async Task<Organizers.Organizer> LoadAsync()
    {
        var id = User.OrganizerId()!.Value;
        var organizer = await db.Organizers.SingleAsync(o => o.Id == id);
        (Name, OrganisationNumber, Slug) = (organizer.Name, organizer.OrganisationNumber, organizer.Slug);
        return organizer;
    }
}

/// <summary>The controller and the data protection officer, as the organizer admin keeps them and the platform admin
/// first gives them: one set of fields and limits for both forms.</summary>
public class OrganizerProfileInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(Organizer.ControllerNameMaxLength, ErrorMessage = "Validation.Length")]
    [Display(Name = "Field.ControllerName")]
    public string ControllerName { get; set; } = "";

    [StringLength(Organizer.DataProtectionOfficerNameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Field.DpoName")]
    public string? DpoName { get; set; }

    [EmailAddress(ErrorMessage = "Validation.Email"), StringLength(Organizer.EmailMaxLength, ErrorMessage = "Validation.Length")]
    [Display(Name = "Field.DpoEmail")]
    public string? DpoEmail { get; set; }
}
