using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Platform.Suppliers;

/// <summary>One supplier for the platform admin: its people, open invitations, and the invitation of a person the
/// platform admin has checked represents the supplier (usually its first admin).</summary>
public sealed class DetailsModel(EnsaDbContext db, UserManager<EnsaUser> users, InvitationMail mail, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public SupplierPeople.InviteInput Invite { get; set; } = new() { IsAdmin = true };
    public SupplierPeople People { get; private set; } = null!;
    public string ContactName { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Invite = new() { IsAdmin = People.People.Count == 0, Email = ContactEmail, DisplayName = ContactName };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await People.InviteAsync(db, mail, (await users.GetUserAsync(User))!, id, Invite, now);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Invite.Sent", Invite.Email.Trim()].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await SupplierPeople.LoadAsync(db, id, clock.GetUtcNow().UtcDateTime) is not { } people) return false;
        People = people;
        var contact = await db.Suppliers.Where(s => s.Id == id).Select(s => new { s.ContactName, s.ContactEmail }).SingleAsync();
        (ContactName, ContactEmail) = (contact.ContactName, contact.ContactEmail);
        return true;
    }
}
