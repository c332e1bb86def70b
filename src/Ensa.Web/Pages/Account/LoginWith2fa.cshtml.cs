using System.ComponentModel.DataAnnotations;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Account;

public sealed class LoginWith2faModel(SignInManager<EnsaUser> signIn, SignInLog log, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string ReturnUrl { get; private set; } = "/";
    public bool RememberMe { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(EnsaUser.CodeMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "Field.AuthenticatorCode")]
        public string Code { get; set; } = "";

        [Display(Name = "Field.RememberMachine")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login");
        (ReturnUrl, RememberMe) = (Url.IsLocalUrl(returnUrl) ? returnUrl : "/", rememberMe);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, bool rememberMe)
    {
        (ReturnUrl, RememberMe) = (Url.IsLocalUrl(returnUrl) ? returnUrl : "/", rememberMe);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("Login");
        if (!ModelState.IsValid) return Page();
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal);
        // A recovery code has a dash (xxxxx-xxxxx); an authenticator code is six digits.
        var recovery = code.Contains('-', StringComparison.Ordinal);
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, rememberMe, Input.RememberMachine);
        if (result.Succeeded)
        {
            await log.RecordAsync(user, recovery ? SignInMethod.RecoveryCode : SignInMethod.TwoFactor);
            UiLanguage.SetCookieFor(Response, user);
            return LocalRedirect(ReturnUrl);
        }
        ModelState.AddModelError("", result.IsLockedOut ? l["Login.LockedOut"] : l["TwoFactor.WrongCode"]);
        return Page();
    }
}
