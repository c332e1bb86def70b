using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Pages.Account;

/// <summary>Sends a password reset link through the outbox. Says the same whether or not the address is known.</summary>
public sealed class ForgotPasswordModel(EnsaDbContext db, UserManager<EnsaUser> users, TimeProvider clock, MailComposer mail) : PageModel
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
        // Accounts with a password, and those the SS 12000 import made (no password yet: this is how they sign in first);
        // other accounts without one are reached by invitation.
        if (user is not null && (await users.HasPasswordAsync(user) || await db.ImportedPersons.IgnoreQueryFilters().AnyAsync(p => p.UserId == user.Id)))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            // The link is built from Ensa's configured address, never the request's Host: a forged header cannot redirect it.
            await mail.QueueAsync(db, new PasswordResetMail(user.DisplayName, user.Id, token), [user.Email], clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}
