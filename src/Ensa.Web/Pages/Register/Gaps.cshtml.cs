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
/// who have left, with the move of their responsibility to the unit's current principal one click away.</summary>
public sealed class GapsModel(EnsaDbContext db, UseRegister register, RequestAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PageModel
{
    public Gaps Gaps { get; private set; } = null!;
    /// <summary>The requests among <see cref="Gaps.PeopleLeft"/> whose people the viewer may name now (the move).</summary>
    public IReadOnlySet<Guid> Movable { get; private set; } = new HashSet<Guid>();

    public async Task OnGetAsync()
    {
        Gaps = await register.GapsAsync(SwedishCalendar.Today(clock));
        var ids = Gaps.PeopleLeft.Select(g => g.Use.RequestId).ToList();
        var actor = await access.ActorAsync();
        Movable = (await db.ResourceRequests.Include(r => r.Use).Where(r => ids.Contains(r.Id)).ToListAsync())
            .Where(r => r.AllowedSteps(actor).Contains(RequestStep.NameResponsibles)).Select(r => r.Id).ToHashSet();
    }

    /// <summary>Moves the registeransvarig of one use to the proposed person (the unit's current principal).</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid request, Guid to)
    {
        await OnGetAsync();
        var gap = Gaps.PeopleLeft.FirstOrDefault(g => g.Use.RequestId == request && g.ProposedUserId == to);
        if (gap.Use is null || await access.LoadAsync(request) is not var (loaded, actor)) return NotFound();
        var use = loaded.Use!;
        var result = loaded.NameResponsibles(actor, to, use.AdministratorName ?? "", use.AdministratorEmail ?? "", clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code].Value);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Register.Moved", gap.Use.Resource, gap.Use.Unit, gap.Proposed ?? ""].Value;
        return RedirectToPage();
    }
}
