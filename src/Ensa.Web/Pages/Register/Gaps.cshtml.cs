using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Register;
using Ensa.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Register;

/// <summary>What the central department must put right in the register: use without an approved decision, use without an
/// agreement in force or with one ending soon, approved resources whose unit has not named its people, and people named
/// who have left, each handed over to a new person in one click.</summary>
public sealed class GapsModel(EnsaDbContext db, UseRegister register, RequestAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public Gaps Gaps { get; private set; } = null!;
    /// <summary>The rows of <see cref="Gaps.PeopleLeft"/> the viewer may hand over now.</summary>
    public IReadOnlySet<(Guid RequestId, HandoverKind Kind)> Movable { get; private set; } = new HashSet<(Guid, HandoverKind)>();
    /// <summary>Everyone with a role here: whom a gap can be handed over to.</summary>
    public IReadOnlyList<Successor> Staff { get; private set; } = [];

    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public HandoverKind Kind { get; set; }
    [BindProperty, Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"),
     StringLength(ResourceUse.AdministratorEmailMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Gaps.NewPerson")]
    public string? To { get; set; }

    public async Task OnGetAsync()
    {
        Gaps = await register.GapsAsync(SwedishCalendar.Today(clock));
        Staff = await register.SuccessorsAsync();
        var ids = Gaps.PeopleLeft.Select(g => g.RequestId).Distinct().ToList();
        var actor = await access.ActorAsync();
        var allowed = (await db.ResourceRequests.Include(r => r.Use).Where(r => ids.Contains(r.Id)).ToListAsync())
            .ToDictionary(r => r.Id, r => r.AllowedSteps(actor));
        Movable = Gaps.PeopleLeft.Where(g => allowed[g.RequestId].Contains(StepOf(g.Kind))).Select(g => (g.RequestId, g.Kind)).ToHashSet();
    }

    /// <summary>Hands one gap (a request and what the person was for it) over to the person with the e-mail address.</summary>
    public async Task<IActionResult> OnPostHandOverAsync()
    {
        await OnGetAsync();
        var gap = Gaps.PeopleLeft.FirstOrDefault(g => g.RequestId == RequestId && g.Kind == Kind);
        if (gap is null || await access.LoadAsync(gap.RequestId) is not var (request, actor)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var (to, refused) = await register.SuccessorAsync(gap, To!);
        if (to is null) return Refuse(refused!);
        var now = clock.GetUtcNow().UtcDateTime;
        var use = request.Use;
        var result = gap.Kind switch
        {
            HandoverKind.Registeransvarig => request.NameResponsibles(actor, to.Id, use!.AdministratorName ?? "", use.AdministratorEmail ?? "", now),
            HandoverKind.Administrator => request.NameResponsibles(actor, use!.RegisteransvarigUserId!.Value, to.Name, to.Email, now),
            _ => request.HandOver(actor, to.Id, now),
        };
        if (!result.Succeeded) return Refuse(result.Error!);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Gaps.HandedOver", l["Handover." + gap.Kind].Value, gap.Resource, gap.Unit, to.Name].Value;
        return RedirectToPage();
    }

    private static RequestStep StepOf(HandoverKind kind) => kind == HandoverKind.Requester ? RequestStep.HandOver : RequestStep.NameResponsibles;

    private PageResult Refuse(Ensa.Common.DomainError error)
    {
        ModelState.AddModelError("", l[error.Code, error.Args].Value);
        return Page();
    }
}
