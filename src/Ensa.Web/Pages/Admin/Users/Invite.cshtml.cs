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

    public async Task OnGetAsync() => await Role.LoadUnitsAsync(db, SwedishCalendar.Today(clock));

    public async Task<IActionResult> OnPostAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await Role.LoadUnitsAsync(db, SwedishCalendar.Today(now));
        if (!ModelState.IsValid) return Page();
        var organizerId = User.OrganizerId()!.Value;
        var valid = await RoleGrants.ValidateAsync(db, organizerId, Role.Role, Role.UnitId, now);
        if (!valid.Succeeded)
        {
            ModelState.AddModelError("", l[valid.Error!.Code, valid.Error.Args]);
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
