using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin.Users;

/// <summary>An organizer admin invites a person to a role. Nothing is granted and no account is made until the person
/// accepts; the admin learns nothing about whether the address already has an account.</summary>
public sealed class InviteModel(EnsaDbContext db, InvitationMail mail, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InviteeInput Input { get; set; } = new();
    [BindProperty] public RoleChoice Role { get; set; } = new();

    public async Task OnGetAsync() => await Role.LoadUnitsAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        await Role.LoadUnitsAsync(db);
        if (!ModelState.IsValid) return Page();
        var organizerId = User.OrganizerId()!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var valid = await RoleGrants.ValidateAsync(db, organizerId, Role.Role, Role.UnitId);
        if (!valid.Succeeded)
        {
            ModelState.AddModelError("", l[valid.Error!.Code]);
            return Page();
        }
        var (invitation, token) = Invitation.Create(organizerId, Role.Role, Role.UnitId, Input.Email, Input.DisplayName, User.UserId()!.Value, now);
        db.Invitations.Add(invitation);
        await mail.ToOrganizerAsync(invitation, token, User.FindFirst(EnsaClaimTypes.OrganizerName)?.Value ?? "", now);
        await db.SaveChangesAsync();

        TempData["Message"] = l["Invite.Sent", invitation.Email].Value;
        return RedirectToPage("Index");
    }
}
