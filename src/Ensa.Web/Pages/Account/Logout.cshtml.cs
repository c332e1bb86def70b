using Ensa.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<EnsaUser> signIn) : PageModel
{
    public void OnGet() { }

    /// <summary>Signing out ends the session on the server too: a copy of the cookie is refused from now on.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await SessionStamp.SignOutEverywhereAsync(signIn, await signIn.UserManager.GetUserAsync(User));
        return RedirectToPage("Login");
    }
}
