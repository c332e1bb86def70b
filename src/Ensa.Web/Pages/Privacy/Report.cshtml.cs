using Ensa.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages.Privacy;

/// <summary>The printable report of a rights request: what was done where, by whom and when; for an access request,
/// which suppliers hold data and what each administrator answered.</summary>
public sealed class ReportModel(EnsaDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public CaseView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await CaseView.LoadAsync(db, authorization, User, id, clock.GetUtcNow().UtcDateTime) is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
