using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.SupplierPortal;

/// <summary>A supplier's admin sees the supplier's people and invites more; other supplier users are refused (404).</summary>
public sealed class UsersModel(EnsaDbContext db, UserManager<EnsaUser> users, InvitationMail mail, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public SupplierPeople.InviteInput Invite { get; set; } = new();
    public SupplierPeople People { get; private set; } = null!;
    private EnsaUser Me { get; set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await People.InviteAsync(db, mail, Me, Me.SupplierId!.Value, Invite, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Invite.Sent", Invite.Email.Trim()].Value;
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { IsSupplierAdmin: true, SupplierId: { } supplierId } me) return false;
        Me = me;
        People = (await SupplierPeople.LoadAsync(db, supplierId, clock.GetUtcNow().UtcDateTime))!;
        return true;
    }
}
