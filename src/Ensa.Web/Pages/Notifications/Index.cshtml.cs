using Ensa.Data;
using Ensa.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Notifications;

/// <summary>The user's notifications at the current organizer, newest first.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(EnsaDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Notification> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = User.UserId();
        Rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == me).OrderByDescending(n => n.CreatedAt).Take(100).ToListAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var me = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ToListAsync()) n.MarkRead(now);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }
}
