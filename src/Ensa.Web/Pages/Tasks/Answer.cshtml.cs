using Ensa.Data;
using Ensa.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Tasks;

/// <summary>A local system administrator answers their task by the link in the e-mail, without an Ensa account: the
/// token is the key (only its hash is stored), and the page shows nothing about the person, only the case reference. A link
/// ends when its task is answered, when the case is closed, and some days after the deadline (<see cref="RightsTask.LinkOpen"/>);
/// an ended link shows nothing of the case, only why it ended.</summary>
public sealed class AnswerModel(EnsaDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public RightsRequest Case { get; private set; } = null!;
    public RightsTask Task { get; private set; } = null!;
    public string Resource { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public string Organizer { get; private set; } = "";
    /// <summary>The link no longer answers.</summary>
    public bool Ended { get; private set; }
    /// <summary>What the link's holder may do on the task now.</summary>
    public IReadOnlySet<RightsStep> Allowed { get; private set; } = new HashSet<RightsStep>();

    /// <summary>Nullable and without a default: nothing is preselected, and a post without a choice is refused.</summary>
    [BindProperty] public RightsTaskStatus? Answer { get; set; }
    [BindProperty] public string? AnswerText { get; set; }

    public async Task<IActionResult> OnGetAsync(string token) => !await LoadAsync(token) ? NotFound() : Ended ? EndedPage() : Page();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token)) return NotFound();
        if (Ended) return EndedPage();
        var result = Case.Answer(Task.LinkHolder, Task.Id, Answer ?? RightsTaskStatus.Open, AnswerText, Task.AdministratorName, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code].Value);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Tasks.Thanks"].Value;
        return RedirectToPage(new { token });
    }

    /// <summary>An answered task's link shows only that it was answered (where the administrator lands after answering);
    /// one that ended unanswered (case closed, time out) answers 410 Gone.</summary>
    private PageResult EndedPage()
    {
        if (Task.Status == RightsTaskStatus.Open) Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    private async Task<bool> LoadAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128) return false;
        var hash = RightsRequest.Hash(token);
        // No one is signed in: the token names the organizer's row itself.
        var requestId = await db.RightsTasks.IgnoreQueryFilters().Where(t => t.TokenHash == hash).Select(t => (Guid?)t.RightsRequestId).SingleOrDefaultAsync();
        if (requestId is null) return false;
        Case = await db.RightsRequests.IgnoreQueryFilters().Include(r => r.Tasks).SingleAsync(r => r.Id == requestId);
        Task = Case.Tasks.Single(t => t.TokenHash == hash);
        Ended = !Task.LinkOpen(Case, SwedishCalendar.Today(clock));
        Allowed = Case.AllowedSteps(Task.LinkHolder, Task.Id);
        var taskResourceId = Task.ResourceId;
        var taskUnitId = Task.SchoolUnitId;
        var organizerId = Case.OrganizerId;
        Resource = await db.LearningResources.Where(r => r.Id == taskResourceId).Select(r => r.Name).SingleAsync();
        Unit = await db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.Id == taskUnitId).Select(u => u.Name).SingleAsync();
        Organizer = await db.Organizers.Where(o => o.Id == organizerId).Select(o => o.Name).SingleAsync();
        return true;
    }
}
