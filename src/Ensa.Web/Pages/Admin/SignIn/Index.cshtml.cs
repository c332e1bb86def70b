using Ensa.Data;
using Ensa.SignIn;
using Ensa.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin.SignIn;

/// <summary>The organizer admin's identity providers, and whether the organizer's staff may still sign in with a password.</summary>
public sealed class IndexModel(EnsaDbContext db, PublicLinks links, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid Id, string DisplayName, string Authority, IReadOnlyList<string> Domains, bool Enabled, string RedirectUri);

    public IReadOnlyList<Row> Providers { get; private set; } = [];
    [BindProperty] public bool PasswordSignInOff { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        PasswordSignInOff = await db.OrganizerSignIns.AnyAsync(s => s.PasswordSignInOff);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Off without a provider would leave the organizer's staff, this admin included, with no way in.
        if (PasswordSignInOff && !await db.IdentityProviders.AnyAsync(p => p.Enabled))
        {
            ModelState.AddModelError("", l["SignIn.PasswordOffNeedsProvider"]);
            await LoadAsync();
            return Page();
        }
        var settings = await db.OrganizerSignIns.SingleOrDefaultAsync();
        if (settings is null) db.OrganizerSignIns.Add(settings = new OrganizerSignIn(User.OrganizerId()!.Value));
        settings.SetPasswordSignInOff(PasswordSignInOff);
        await db.SaveChangesAsync();
        TempData["Message"] = l["SignIn.SettingSaved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var providers = await db.IdentityProviders.AsNoTracking().Include(p => p.Domains).OrderBy(p => p.DisplayName).ToListAsync();
        Providers = providers.Select(p => new Row(p.Id, p.DisplayName, p.Authority, p.Domains.Select(d => d.Name).Order(StringComparer.Ordinal).ToList(), p.Enabled,
            links.To(ProviderConfig.CallbackPathOf(p.Id)))).ToList();
    }
}
