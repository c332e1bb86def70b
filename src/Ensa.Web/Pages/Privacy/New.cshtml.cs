using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Organizers;
using Ensa.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Privacy;

/// <summary>Records a removal or access request for the named school units; Ensa makes one task per resource in use
/// there and e-mails each administrator a link.</summary>
public sealed class NewModel(EnsaDbContext db, RequestAccess access, RightsMail rightsMail, Ensa.Register.UseRegister register, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public sealed class InputModel
    {
        /// <summary>Nullable: a post without a kind is refused, not read as the first kind.</summary>
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Privacy.Kind")]
        public RightsKind? Kind { get; set; }

        [Display(Name = "Privacy.Reference"), StringLength(RightsRequest.ReferenceMaxLength, ErrorMessage = "Validation.Length")]
        public string? Reference { get; set; }

        [Display(Name = "Privacy.ReceivedOn")]
        public DateOnly? ReceivedOn { get; set; }

        public List<Guid> Units { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>School units with how many resources are in use at each (what a case there reaches).</summary>
    public IReadOnlyList<(Guid Id, string Name, int InUse)> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.Kind = RightsKind.Removal;
        Input.ReceivedOn = SwedishCalendar.Today(clock);
        await LoadUnitsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadUnitsAsync();
        if (Input.ReceivedOn is null) ModelState.AddModelError("Input.ReceivedOn", l["Privacy.ReceivedOnMissing"].Value);
        var units = Input.Units.Where(id => Units.Any(u => u.Id == id)).ToList();
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var result = RightsRequest.Open(User.OrganizerId()!.Value, Input.Kind!.Value, Input.Reference ?? "", Input.ReceivedOn!.Value, units,
            await register.InUseWithAdministratorAtAsync(units), await access.ActorAsync(), now, out var request, out var tokens);
        if (!result.Succeeded)
        {
            var text = l[result.Error!.Code].Value;
            ModelState.AddModelError(result.Error.Code switch
            {
                "Rights.UnitsMissing" => "Input.Units",
                "Rights.ReceivedInFuture" => "Input.ReceivedOn",
                "Rights.NotCentral" => "",
                _ => "Input.Reference",
            }, text);
            return Page();
        }
        db.RightsRequests.Add(request!);
        await rightsMail.MailTasksAsync(request!, tokens, now);
        await db.SaveChangesAsync();
        TempData["Message"] = l[request!.Tasks.Count == 0 ? "Privacy.CreatedNothingInUse" : "Privacy.Created", Format.Number(request.Tasks.Count)].Value;
        return RedirectToPage("/Privacy/Details", new { id = request.Id });
    }

    private async Task LoadUnitsAsync()
    {
        var inUse = (await register.InUseWithAdministratorAtAsync(await db.OrganisationUnits.Select(u => u.Id).ToListAsync())).GroupBy(u => u.SchoolUnitId)
            .ToDictionary(g => g.Key, g => g.Count());
        Units = (await db.OrganisationUnits.Where(u => u.Kind == UnitKind.SchoolUnit).Select(u => new { u.Id, u.Name }).ToListAsync())
            .OrderBy(u => u.Name, SwedishCalendar.Comparer).Select(u => (u.Id, u.Name, inUse.GetValueOrDefault(u.Id))).ToList();
    }
}
