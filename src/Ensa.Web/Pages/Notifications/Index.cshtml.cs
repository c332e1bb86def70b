using Ensa.Data;
using Ensa.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Notifications;

/// <summary>The user's notifications at the current organizer, newest first, and how step notices reach them by e-mail
/// (at once or as a daily digest).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(EnsaDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public enum Delivery { Immediately, Digest }

    public IReadOnlyList<Notification> Rows { get; private set; } = [];

    /// <summary>The stored choice on a GET; the posted one on a refused POST.</summary>
    [BindProperty]
    public Delivery? Mail { get; set; }

    public async Task OnGetAsync()
    {
        Mail = await db.Users.Where(u => u.Id == User.UserId()).Select(u => u.DailyDigest).SingleAsync() ? Delivery.Digest : Delivery.Immediately;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var me = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ToListAsync()) n.MarkRead(now);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeliveryAsync()
    {
        ModelState.Remove(nameof(Mail));
        if (Mail is not { } chosen || !Enum.IsDefined(chosen))
        {
            ModelState.AddModelError(nameof(Mail), l["Notifications.DeliveryMissing"]);
            await LoadAsync();
            return Page();
        }
        var user = await db.Users.SingleAsync(u => u.Id == User.UserId());
        var digest = chosen == Delivery.Digest;
        if (user.DailyDigest != digest)
        {
            user.DailyDigest = digest;
            // The digest starts from now: what came before was already mailed one by one.
            if (digest) user.LastDigestAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        TempData["Message"] = l["Notifications.DeliverySaved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var me = User.UserId();
        Rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == me).OrderByDescending(n => n.CreatedAt).Take(100).ToListAsync();
    }
}
