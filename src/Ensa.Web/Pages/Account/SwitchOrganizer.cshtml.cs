using System.Security.Claims;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages.Account;

/// <summary>Re-issues the sign-in cookie with another chosen organizer, if the user holds a role there.</summary>
public sealed class SwitchOrganizerModel(SignInManager<EnsaUser> signIn, UserOrganizers organizers) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(Guid organizerId)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null || !await organizers.IsMemberAsync(user.Id, organizerId)) return NotFound();
        user.LastOrganizerId = organizerId;
        await signIn.UserManager.UpdateAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim(EnsaClaimTypes.ChosenOrganizer, organizerId.ToString()), .. SessionStamp.SignInMethod(User)]);
        return RedirectToPage("/Index");
    }
}
