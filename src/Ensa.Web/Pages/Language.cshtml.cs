using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ensa.Web.Pages;

/// <summary>Sets the UI language in a cookie; formatting stays Swedish. A signed-in user's choice is also kept on their
/// account, as the language Ensa writes e-mail to them in.</summary>
public sealed class LanguageModel(UserManager<EnsaUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl)
    {
        if (UiLanguage.Find(culture) is not { } ui) return BadRequest();
        UiLanguage.SetCookie(Response, ui);
        if (await users.GetUserAsync(User) is { } user && user.Language != ui.Name)
        {
            user.Language = ui.Name;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
