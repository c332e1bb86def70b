using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Account;

/// <summary>The one-time link from an invitation e-mail: set a password (new users) and sign in.</summary>
public sealed class AcceptInvitationModel(EnsaDbContext db, SignInManager<EnsaUser> signIn, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string Token { get; private set; } = "";
    public string? Problem { get; private set; }
    public string? OrganizerName { get; private set; }
    public string? Email { get; private set; }
    public bool NeedsPassword { get; private set; }

    public sealed class InputModel
    {
        [DataType(DataType.Password), Display(Name = "Field.NewPassword")]
        public string? Password { get; set; }

        [DataType(DataType.Password), Display(Name = "Field.ConfirmPassword")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string? ConfirmPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? token)
    {
        await LoadAsync(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        var (invitation, user) = await LoadAsync(token);
        if (invitation is null || user is null) return Page();
        if (NeedsPassword && string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", l["Validation.Required", l["Field.NewPassword"]]);
        if (!ModelState.IsValid) return Page();

        var accepted = invitation.Accept(clock.GetUtcNow().UtcDateTime);
        if (!accepted.Succeeded)
        {
            Problem = accepted.Error!.Code;
            return Page();
        }
        if (NeedsPassword)
        {
            var result = await signIn.UserManager.AddPasswordAsync(user, Input.Password!);
            if (!result.Succeeded)
            {
                foreach (var e in result.Errors) ModelState.AddModelError("Input.Password", e.Description);
                return Page();
            }
        }
        user.EmailConfirmed = true;
        await db.SaveChangesAsync();
        if (!NeedsPassword)
        {
            // An existing account signs in with its own password (and second factor), never by the link.
            TempData["Message"] = l["Invite.AcceptedSignIn", OrganizerName!].Value;
            return RedirectToPage("Login");
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim(EnsaClaimTypes.ChosenOrganizer, invitation.OrganizerId.ToString())]);
        return Redirect("/");
    }

    private async Task<(Invitation?, EnsaUser?)> LoadAsync(string? token)
    {
        Token = token ?? "";
        var hash = Invitation.Hash(Token);
        // Not signed in yet, so no tenant: the token itself is the key.
        var invitation = string.IsNullOrEmpty(token) ? null
            : await db.Invitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null) { Problem = "Invitation.NotFound"; return (null, null); }
        if (!invitation.IsOpen(clock.GetUtcNow().UtcDateTime))
        {
            Problem = invitation.AcceptedAt is null ? "Invitation.Expired" : "Invitation.AlreadyUsed";
            return (null, null);
        }
        var user = await db.Users.SingleAsync(u => u.Id == invitation.UserId);
        OrganizerName = await db.Organizers.Where(o => o.Id == invitation.OrganizerId).Select(o => o.Name).SingleAsync();
        Email = invitation.Email;
        NeedsPassword = user.PasswordHash is null;
        return (invitation, user);
    }
}
