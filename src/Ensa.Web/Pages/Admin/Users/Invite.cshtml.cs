using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin.Users;

/// <summary>An organizer admin invites a person: the account (if new), the role, and an e-mail with a one-time link.</summary>
public sealed class InviteModel(EnsaDbContext db, UserManager<EnsaUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public RoleChoice Role { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.Length")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.Length")]
        [Display(Name = "Field.DisplayName")]
        public string DisplayName { get; set; } = "";
    }

    public async Task OnGetAsync() => await Role.LoadUnitsAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        await Role.LoadUnitsAsync(db);
        if (!ModelState.IsValid) return Page();
        var organizerId = User.OrganizerId()!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var email = Input.Email.Trim();

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = EnsaUser.Create(email, Input.DisplayName.Trim(), now);
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors) ModelState.AddModelError("Input.Email", e.Description);
                return Page();
            }
        }
        var granted = await RoleGrants.GrantAsync(db, user.Id, organizerId, Role.Role, Role.UnitId, now);
        if (!granted.Succeeded)
        {
            ModelState.AddModelError("", l[granted.Error!.Code]);
            return Page();
        }

        var (invitation, token) = Invitation.Create(organizerId, user.Id, email, User.UserId()!.Value, now);
        db.Invitations.Add(invitation);
        var link = Url.Page("/Account/AcceptInvitation", null, new { token }, Request.Scheme)!;
        var organizer = User.FindFirst(EnsaClaimTypes.OrganizerName)?.Value ?? "";
        var subject = l["Invite.MailSubject", organizer].Value;
        var body = l["Invite.MailBody", user.DisplayName, organizer, l["Role." + Role.Role].Value, link, Format.DateTime(invitation.ExpiresAt)].Value;
        db.OutboxMessages.Add(new OutboxMessage(email, subject, body, null, now));
        await db.SaveChangesAsync();

        TempData["Message"] = l["Invite.Sent", email].Value;
        return RedirectToPage("Index");
    }
}
