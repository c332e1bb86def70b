using System.ComponentModel.DataAnnotations;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Platform;

/// <summary>Any account on the platform, found by its e-mail address, for the platform admin: resets its two-factor.</summary>
public sealed class UsersModel(UserManager<EnsaUser> users, TwoFactorReset twoFactorReset, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(EnsaUser.EmailMaxLength, ErrorMessage = "Validation.Length")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    public EnsaUser? Account { get; private set; }
    public TwoFactorResetPanel? TwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, bool resetTwoFactor)
    {
        if (id is { } userId) return await LoadAsync(userId, resetTwoFactor) ? Page() : NotFound();
        if (string.IsNullOrWhiteSpace(Email) || !ModelState.IsValid) return Page();
        if (await users.FindByEmailAsync(Email.Trim()) is { } found) return RedirectToPage(new { id = found.Id, email = (string?)null });
        ModelState.AddModelError(nameof(Email), l["PlatformUsers.NotFound", Email.Trim()]);
        return Page();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id)
    {
        if (!await LoadAsync(id, confirming: false)) return NotFound();
        var result = await twoFactorReset.ResetAsync(Account!, User);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            return Page();
        }
        TempData["Message"] = l["TwoFactorReset.Done", Account!.DisplayName].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, bool confirming)
    {
        Account = await users.FindByIdAsync(id.ToString());
        if (Account is null) return false;
        TwoFactor = Account.TwoFactorEnabled ? new TwoFactorResetPanel("/Platform/Users", id, Account.DisplayName, confirming) : null;
        return true;
    }
}
