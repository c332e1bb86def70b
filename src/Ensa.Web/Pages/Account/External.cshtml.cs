using Ensa.Identity;
using Ensa.Web.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Account;

/// <summary>Sign-in through an organizer's identity provider: the "sign in with …" button posts here, the provider's
/// answer comes back here, and a refusal is shown here.</summary>
public sealed class ExternalModel(FederatedSignIn federated, IdentityProviderCache providers, SignInManager<EnsaUser> signIn,
    SignInLog log, IStringLocalizer<SharedResource> l) : PageModel
{
    public string? Error { get; private set; }

    public IActionResult OnGet() => RedirectToPage("Login");

    public async Task<IActionResult> OnPostAsync(string? scheme, string? returnUrl)
    {
        if (scheme is null || await providers.FindAsync(scheme) is not { } provider) return NotFound();
        if (await federated.ChallengeAsync(HttpContext, provider, CallbackUrl(returnUrl), null)) return new EmptyResult();
        return Refuse(l["SignIn.ProviderDown", provider.DisplayName]);
    }

    public static string CallbackUrl(IUrlHelper url, string? returnUrl) =>
        url.Page("/Account/External", "Callback", new { returnUrl = url.IsLocalUrl(returnUrl) ? returnUrl : "/" })!;

    private string CallbackUrl(string? returnUrl) => CallbackUrl(Url, returnUrl);

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || await providers.FindAsync(info.LoginProvider) is not { } provider) return Refuse(l["SignIn.NoAnswer"]);
        // The provider's answer is read once: a refusal leaves nothing behind, a sign-in gets Ensa's own cookie.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var (user, error) = await federated.AccountAsync(info, provider);
        if (error is not null) return Refuse(l[error.Code, error.Args]);
        // SignInWithClaimsAsync skips Identity's pre-sign-in check (deactivated, locked out), so it is asked here.
        if (await signIn.UserManager.IsLockedOutAsync(user!)) return Refuse(l["Login.LockedOut"]);
        if (!await signIn.CanSignInAsync(user!)) return Refuse(l["External.NotActive"]);
        await federated.SignInAsync(user!, info, provider);
        await log.RecordAsync(user!, SignInMethod.External, provider.DisplayName);
        UiLanguage.SetCookieFor(Response, user!);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public async Task<IActionResult> OnGetFailedAsync(string? scheme) =>
        Refuse(l["SignIn.Failed", (scheme is null ? null : await providers.FindAsync(scheme))?.DisplayName ?? "–"]);

    private PageResult Refuse(string error)
    {
        Error = error;
        return Page();
    }
}
