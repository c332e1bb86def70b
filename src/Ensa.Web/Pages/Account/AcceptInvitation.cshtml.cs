using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Account;

/// <summary>The one-time link from an invitation (to an organizer's role, or to act for a supplier). A person without an
/// account makes one here with a password (none when the organizer has password sign-in off: they sign in with its
/// provider); an existing account accepts only while signed in as itself, so nobody is pulled into an organizer or a
/// supplier without their own consent.</summary>
public sealed class AcceptInvitationModel(EnsaDbContext db, SignInManager<EnsaUser> signIn, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string Token { get; private set; } = "";
    public string? Problem { get; private set; }
    public object[] ProblemArgs { get; private set; } = [];
    /// <summary>The organizer or supplier the invitation is to.</summary>
    public string? InvitedTo { get; private set; }
    public string? RoleText { get; private set; }
    public string? Email { get; private set; }
    /// <summary>No account with a password yet: one is made (or given its password) here.</summary>
    public bool NeedsPassword { get; private set; }
    /// <summary>The account exists and someone else (or nobody) is signed in: sign in as that account first.</summary>
    public bool NeedsSignIn { get; private set; }
    /// <summary>The slug of the inviting organizer when it has password sign-in off: the account is made without a password
    /// and its person signs in with the organizer's provider.</summary>
    public string? ProviderOrganizerSlug { get; private set; }

    public sealed class InputModel
    {
        [DataType(DataType.Password), Display(Name = "Field.NewPassword"), StringLength(EnsaUser.PasswordMaxLength, ErrorMessage = "Validation.Length")]
        public string? Password { get; set; }

        [DataType(DataType.Password), Display(Name = "Field.ConfirmPassword"), StringLength(EnsaUser.PasswordMaxLength, ErrorMessage = "Validation.Length")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string? ConfirmPassword { get; set; }
    }

    private sealed record Loaded(OneTimeInvitation Invitation, EnsaUser? Account);

    public async Task<IActionResult> OnGetAsync(string? token)
    {
        await LoadAsync(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        if (await LoadAsync(token) is not { } loaded || NeedsSignIn) return Page();
        if (NeedsPassword && ProviderOrganizerSlug is null && string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", l["Validation.Required", l["Field.NewPassword"]]);
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var account = loaded.Account;
        if (NeedsPassword && (account is null || ProviderOrganizerSlug is null))
        {
            var isNew = account is null;
            account ??= EnsaUser.Create(loaded.Invitation.Email, loaded.Invitation.DisplayName, now);
            var made = ProviderOrganizerSlug is not null ? await signIn.UserManager.CreateAsync(account)
                : isNew ? await signIn.UserManager.CreateAsync(account, Input.Password!)
                : await signIn.UserManager.AddPasswordAsync(account, Input.Password!);
            if (!made.Succeeded)
            {
                foreach (var e in made.Errors) ModelState.AddModelError("Input.Password", e.Description);
                return Page();
            }
        }
        var accepted = await AcceptAsync(loaded.Invitation, account!, now);
        if (!accepted.Succeeded)
        {
            (Problem, ProblemArgs) = (accepted.Error!.Code, accepted.Error.Args);
            return Page();
        }
        account!.EmailConfirmed = true;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        if (ProviderOrganizerSlug is not null)
        {
            // The sign-in link names the organizer, so its page offers the provider's button.
            TempData["Message"] = l["Invite.AcceptedUseProvider", InvitedTo!].Value;
            return RedirectToPage("/Account/Login", new { organizer = ProviderOrganizerSlug });
        }
        // A password sign-in (the password was just set), so the two-factor gate applies.
        Claim[] claims = loaded.Invitation is Invitation { OrganizerId: var organizerId }
            ? [new Claim(EnsaClaimTypes.ChosenOrganizer, organizerId.ToString()), TwoFactorGate.Password] : [TwoFactorGate.Password];
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, claims);
        TempData["Message"] = l["Invite.Accepted", InvitedTo!].Value;
        return RedirectToPage(loaded.Invitation is SupplierInvitation ? "/Supplier/Index" : "/Index");
    }

    private async Task<Result> AcceptAsync(OneTimeInvitation invitation, EnsaUser account, DateTime now)
    {
        switch (invitation)
        {
            case SupplierInvitation forSupplier:
                return forSupplier.AcceptFor(account, now);
            case Invitation { OrganizerId: var organizerId } forOrganizer:
                var accepted = forOrganizer.Accept(account, now);
                if (!accepted.Succeeded) return accepted;
                account.LastOrganizerId = organizerId;
                if (forOrganizer.Role is not { } role) return Result.Ok; // made before roles waited for acceptance
                var granted = await RoleGrants.GrantAsync(db, account.Id, organizerId, role, forOrganizer.OrganisationUnitId, now);
                return granted.Error?.Code == "Roles.AlreadyHeld" ? Result.Ok : granted;
            default:
                throw new InvalidOperationException("Unknown invitation.");
        }
    }

    private async Task<Loaded?> LoadAsync(string? token)
    {
        Token = token ?? "";
        var hash = OneTimeInvitation.Hash(Token);
        // Not signed in yet, so no tenant: the token itself is the key.
        OneTimeInvitation? invitation = Token.Length == 0 ? null
            : (OneTimeInvitation?)await db.Invitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash)
              ?? await db.SupplierInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null) { Problem = "Invitation.NotFound"; return null; }
        if (!invitation.IsOpen(clock.GetUtcNow().UtcDateTime))
        {
            Problem = invitation.AcceptedAt is null ? "Invitation.Expired" : "Invitation.AlreadyUsed";
            return null;
        }
        switch (invitation)
        {
            case Invitation i:
                var organizer = await db.Organizers.Where(o => o.Id == i.OrganizerId).Select(o => new { o.Name, o.Slug }).SingleAsync();
                InvitedTo = organizer.Name;
                if (await db.OrganizerSignIns.IgnoreQueryFilters().AnyAsync(x => x.OrganizerId == i.OrganizerId && x.PasswordSignInOff))
                    ProviderOrganizerSlug = organizer.Slug;
                RoleText = l["Role." + (i.Role ?? Role.Requester)];
                break;
            case SupplierInvitation s:
                InvitedTo = await db.Suppliers.Where(x => x.Id == s.SupplierId).Select(x => x.Name).SingleAsync();
                RoleText = l[s.IsAdmin ? "SupplierUsers.Admin" : "SupplierUsers.User"];
                break;
        }
        Email = invitation.Email;
        var account = await signIn.UserManager.FindByEmailAsync(invitation.Email);
        if (invitation is SupplierInvitation forSupplier && account is not null && forSupplier.CanBeAcceptedBy(account).Error is { } refused)
        {
            Problem = refused.Code;
            return null;
        }
        NeedsPassword = account is null || !await signIn.UserManager.HasPasswordAsync(account);
        NeedsSignIn = !NeedsPassword && User.UserId() != account!.Id;
        return new Loaded(invitation, account);
    }
}
