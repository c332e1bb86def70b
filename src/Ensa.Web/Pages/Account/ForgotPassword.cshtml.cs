using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Mail;
using Ensa.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Account;

/// <summary>Sends a password reset link through the outbox. Says the same whether or not the address is known.</summary>
public sealed class ForgotPasswordModel(EnsaDbContext db, UserManager<EnsaUser> users, TimeProvider clock, PublicLinks links,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(EnsaUser.EmailMaxLength, ErrorMessage = "Validation.Length")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // Only accounts that have a password; the others are reached by invitation.
        if (user is not null && await users.HasPasswordAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            // From Ensa's configured address, never the request's Host: a forged header cannot redirect the link.
            var link = links.Page("/Account/ResetPassword", new { userId = user.Id, token });
            db.OutboxMessages.Add(new OutboxMessage(user.Email!, l["Forgot.MailSubject"].Value,
                l["Forgot.MailBody", user.DisplayName, link].Value, null, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}
