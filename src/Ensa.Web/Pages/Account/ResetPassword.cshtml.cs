using System.ComponentModel.DataAnnotations;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Account;

/// <summary>The link from the reset e-mail: Identity's token (single use: it is bound to the security stamp).</summary>
public sealed class ResetPasswordModel(UserManager<EnsaUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid UserId { get; private set; }
    public string Token { get; private set; } = "";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Field.NewPassword"), StringLength(EnsaUser.PasswordMaxLength, ErrorMessage = "Validation.Length")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password), Display(Name = "Field.ConfirmPassword"), StringLength(EnsaUser.PasswordMaxLength, ErrorMessage = "Validation.Length")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string? ConfirmPassword { get; set; }
    }

    public void OnGet(Guid userId, string? token) => (UserId, Token) = (userId, token ?? "");

    public async Task<IActionResult> OnPostAsync(Guid userId, string? token)
    {
        (UserId, Token) = (userId, token ?? "");
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByIdAsync(userId.ToString());
        var result = user is null ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "" : "Input.Password", e.Description);
            return Page();
        }
        if (user!.LockoutEnd is not null) await users.SetLockoutEndDateAsync(user, null);
        TempData["Message"] = l["Reset.Done"].Value;
        return RedirectToPage("Login");
    }
}
