using System.ComponentModel.DataAnnotations;
using System.Text;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Ensa.Web.Pages.Account;

/// <summary>TOTP two-factor with the framework's authenticator support: key, QR code, recovery codes.</summary>
public sealed class TwoFactorModel(UserManager<EnsaUser> users, SignInManager<EnsaUser> signIn, SignInLog log,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), Display(Name = "Field.AuthenticatorCode"), StringLength(EnsaUser.CodeMaxLength, ErrorMessage = "Validation.Length")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    /// <summary>The language of the user's e-mail (their last choice of UI language).</summary>
    public string Language { get; private set; } = EnsaUser.DefaultLanguage;
    public IReadOnlyList<SignInRecord> SignIns { get; private set; } = [];
    /// <summary>Sent here by the two-factor gate: the organizer requires two-factor.</summary>
    [BindProperty(SupportsGet = true)] public bool Required { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Where "continue" leads once the codes are saved: back where the gate stopped the user, never off-site.</summary>
    public string ContinueUrl => ReturnUrl is { Length: <= 2048 } url && Url.IsLocalUrl(url) ? url : Url.Content("~/");

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!ModelState.IsValid) return await ShowAsync(user);
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), l["TwoFactor.WrongCode"]);
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await SessionStamp.RenewAsync(signIn, user, secondFactor: true);
        return await ShowAsync(user);
    }

    /// <summary>A code from the app (or a recovery code) or the password: a borrowed session alone cannot turn it off.</summary>
    [BindProperty, Display(Name = "TwoFactor.DisableProof"), StringLength(EnsaUser.PasswordMaxLength, ErrorMessage = "Validation.Length")]
    public string? Proof { get; set; }

    public async Task<IActionResult> OnPostDisableAsync(bool confirm)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        ModelState.Remove(nameof(Code));
        if (!ModelState.IsValid) return await ShowAsync(user);
        if (!confirm)
        {
            ModelState.AddModelError("confirm", l["TwoFactor.ConfirmMissing"]);
            return await ShowAsync(user);
        }
        var proof = (Proof ?? "").Trim();
        var code = proof.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var proven = proof.Length > 0 && (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                                          || (await users.RedeemTwoFactorRecoveryCodeAsync(user, proof)).Succeeded
                                          // Wrong passwords count towards the lockout, as at sign-in.
                                          || (await signIn.CheckPasswordSignInAsync(user, proof, lockoutOnFailure: true)).Succeeded);
        if (!proven)
        {
            ModelState.AddModelError(nameof(Proof), l["TwoFactor.ProofWrong"]);
            return await ShowAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // Without amr=mfa, so the two-factor gate sends the user back when their organizer requires it.
        await SessionStamp.RenewAsync(signIn, user, secondFactor: false);
        TempData["Message"] = l["TwoFactor.Disabled"].Value;
        return RedirectToPage();
    }

    private async Task<PageResult> ShowAsync(EnsaUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Language = user.Language;
        SignIns = await log.RecentAsync(user.Id);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await SessionStamp.RenewAsync(signIn, user);
                key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            }
            SharedKey = Group(key);
            var uri = $"otpauth://totp/Ensa:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Ensa&digits=6";
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }
        return Page();
    }

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
