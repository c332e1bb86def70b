using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Privacy;

/// <summary>One rights request: its tasks and their answers, overdue ones marked; a central user may answer a task on
/// an administrator's behalf (e.g. after a phone call).</summary>
/// An administrator whose link ended or was lost gets a new one from here; the old one stops working.
public sealed class DetailsModel(EnsaDbContext db, IAuthorizationService authorization, RequestAccess access, RightsMail rightsMail, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public CaseView View { get; private set; } = null!;
    public Ensa.Common.Actor Actor { get; private set; } = null!;
    /// <summary>What the viewer may do on each task now.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlySet<RightsStep>> Allowed { get; private set; } = new Dictionary<Guid, IReadOnlySet<RightsStep>>();

    /// <summary>Nullable and without a default: a post without a choice is refused, not read as done.</summary>
    [BindProperty] public RightsTaskStatus? Answer { get; set; }
    [BindProperty, StringLength(RightsTask.AnswerMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Privacy.TaskAnswer")]
    public string? AnswerText { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid task)
    {
        if (!await LoadAsync(id) || View.Case.Tasks.All(t => t.Id != task)) return NotFound();
        if (ModelState.RefusedToSummary()) return Page();
        if (Answer is not { } answer)
        {
            ModelState.AddModelError("", l["Privacy.AnswerMissing"].Value);
            return Page();
        }
        var result = View.Case.Answer(Actor, task, answer, AnswerText, l["Privacy.OnBehalf", Actor.Name].Value, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code].Value);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l[View.Case.IsClosed ? "Privacy.AnsweredAndClosed" : "Privacy.AnsweredSaved"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNewLinkAsync(Guid id, Guid task)
    {
        if (!await LoadAsync(id) || View.Case.Tasks.All(t => t.Id != task)) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var result = View.Case.IssueNewLink(Actor, task, now, out var token);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code].Value);
            return Page();
        }
        await rightsMail.MailTasksAsync(View.Case, [(View.Case.Tasks.Single(t => t.Id == task), token!)], now);
        await db.SaveChangesAsync();
        TempData["Message"] = l["Privacy.NewLinkSent"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await CaseView.LoadAsync(db, authorization, User, id, clock.GetUtcNow().UtcDateTime) is not { } view) return false;
        (View, Actor) = (view, await access.ActorAsync());
        Allowed = view.Case.Tasks.ToDictionary(t => t.Id, t => view.Case.AllowedSteps(Actor, t.Id));
        return true;
    }
}
