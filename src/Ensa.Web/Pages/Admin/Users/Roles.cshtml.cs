using Ensa.Data;
using Ensa.Identity;
using Ensa.Register;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin.Users;

/// <summary>An organizer admin gives and takes a member's roles at the current organizer, and deactivates and
/// reactivates the person here.</summary>
public sealed class RolesModel(EnsaDbContext db, TimeProvider clock, UserManager<EnsaUser> users, UseRegister register,
    TwoFactorReset twoFactorReset, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid Id, Role Role, string? Unit);

    [BindProperty] public RoleChoice Role { get; set; } = new();
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<Row> Current { get; private set; } = [];
    public Row? Confirming { get; private set; }
    /// <summary>When the person was deactivated here (their roles suspended); null while active.</summary>
    public DateTime? DeactivatedAt { get; private set; }
    public IReadOnlyList<Row> Suspended { get; private set; } = [];
    /// <summary>What the person answers for here, to hand over (on the register's gaps).</summary>
    public IReadOnlyList<HandoverTask> Handover { get; private set; } = [];
    /// <summary>Shown while the person has two-factor on.</summary>
    public TwoFactorResetPanel? TwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? remove, bool resetTwoFactor)
    {
        if (!await LoadAsync(id)) return NotFound();
        Confirming = Current.FirstOrDefault(r => r.Id == remove);
        if (TwoFactor is not null) TwoFactor = TwoFactor with { Confirming = resetTwoFactor };
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await RoleGrants.GrantAsync(db, id, User.OrganizerId()!.Value, Role.Role, Role.UnitId, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code, result.Error.Args]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Roles.Added"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid membershipId)
    {
        if (!await LoadAsync(id)) return NotFound();
        // The query filter keeps this to the current organizer.
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.UserId == id);
        if (membership is null) return NotFound();
        var result = await RoleGrants.RevokeAsync(db, membership);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Roles.Removed"].Value;
        // Without a role left here the person is no longer this admin's to see: back to the list, not a 404.
        return await db.Memberships.AnyAsync(m => m.UserId == id) ? RedirectToPage(new { id }) : RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await Deactivation.DeactivateAsync(db, id, User.OrganizerId()!.Value, User.UserId()!.Value, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            return Page();
        }
        await db.SaveChangesAsync();
        var user = await users.FindByIdAsync(id.ToString());
        // Nothing left to sign in to: every session of the account ends now.
        if (user is not null && !await Deactivation.MaySignInAsync(db, user)) await users.UpdateSecurityStampAsync(user);
        TempData["Message"] = l["Users.Deactivated", Name].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await Deactivation.ReactivateAsync(db, id, User.OrganizerId()!.Value);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Message"] = l["Users.Reactivated", Name].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await twoFactorReset.ResetAsync((await users.FindByIdAsync(id.ToString()))!, User);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l[result.Error!.Code]);
            return Page();
        }
        TempData["Message"] = l["TwoFactorReset.Done", Name].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>False when the user has no role at this organizer, active or suspended: then they are not this admin's to see.</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        UserId = id;
        // The query filters keep both to the current organizer.
        Current = await db.Memberships.Where(m => m.UserId == id)
            .Select(m => new Row(m.Id, m.Role, db.OrganisationUnits.Where(u => u.Id == m.OrganisationUnitId).Select(u => u.Name).FirstOrDefault()))
            .ToListAsync();
        var suspended = await db.SuspendedMemberships.Where(m => m.UserId == id)
            .Select(m => new { Row = new Row(m.Id, m.Role, db.OrganisationUnits.Where(u => u.Id == m.OrganisationUnitId).Select(u => u.Name).FirstOrDefault()), m.SuspendedAt })
            .ToListAsync();
        if (Current.Count == 0 && suspended.Count == 0) return false;
        Suspended = suspended.Select(s => s.Row).ToList();
        DeactivatedAt = suspended.Count == 0 ? null : suspended.Max(s => s.SuspendedAt);
        var user = await db.Users.Where(u => u.Id == id).Select(u => new { u.DisplayName, u.Email, u.TwoFactorEnabled }).SingleAsync();
        Name = user.DisplayName;
        TwoFactor = user.TwoFactorEnabled ? new TwoFactorResetPanel("/Admin/Users/Roles", id, Name, Confirming: false) : null;
        Handover = await register.HandoverOfAsync(id, user.Email);
        await Role.LoadUnitsAsync(db, SwedishCalendar.Today(clock));
        return true;
    }
}
