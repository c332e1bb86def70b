using System.ComponentModel.DataAnnotations;
using Ensa.Data;
using Ensa.SignIn;
using Ensa.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Admin.SignIn;

/// <summary>Adds or changes one of the organizer's identity providers; the client secret is never shown again (left empty,
/// the stored one is kept). The change is in use at once on this node and within the refresh interval on the others.</summary>
public sealed class EditModel(EnsaDbContext db, IdentityProviderSecrets secrets, IdentityProviderCache cache, PublicLinks links,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(IdentityProvider.DisplayNameMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "SignIn.DisplayName")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(IdentityProvider.AuthorityMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "SignIn.Authority")]
        public string Authority { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(IdentityProvider.ClientIdMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "SignIn.ClientId")]
        public string ClientId { get; set; } = "";

        [StringLength(IdentityProvider.SecretMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "SignIn.ClientSecret")]
        public string? ClientSecret { get; set; }

        [StringLength(IdentityProvider.ScopesMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "SignIn.Scopes")]
        public string? Scopes { get; set; } = IdentityProvider.DefaultScopes;

        [Display(Name = "SignIn.PersonClaim")]
        public PersonClaim PersonClaim { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(IdentityProvider.DomainsMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "SignIn.Domains")]
        public string Domains { get; set; } = "";

        public bool TrustsMfa { get; set; }
        public bool Enabled { get; set; } = true;
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool HasSecret { get; private set; }
    public string? RedirectUri { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is null) return Page();
        if (await db.IdentityProviders.AsNoTracking().Include(p => p.Domains).SingleOrDefaultAsync(p => p.Id == id) is not { } p) return NotFound();
        Show(p);
        Input = new InputModel
        {
            DisplayName = p.DisplayName, Authority = p.Authority, ClientId = p.ClientId, Scopes = p.Scopes, PersonClaim = p.PersonClaim,
            Domains = string.Join(", ", p.Domains.Select(d => d.Name).Order(StringComparer.Ordinal)), TrustsMfa = p.TrustsMfa, Enabled = p.Enabled,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var provider = id is null ? null : await db.IdentityProviders.Include(p => p.Domains).SingleOrDefaultAsync(p => p.Id == id);
        if (id is not null && provider is null) return NotFound();
        if (provider is not null) Show(provider);
        var organizerId = User.OrganizerId()!.Value;

        if (!ServiceUrl.TryParse(Input.Authority, out var authority) || authority.Query.Length > 0 || authority.Fragment.Length > 0)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Authority)}", l["SignIn.BadAuthority"]);
        if (!Enum.IsDefined(Input.PersonClaim)) ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.PersonClaim)}", l["SignIn.BadPersonClaim"]);
        var secret = string.IsNullOrWhiteSpace(Input.ClientSecret) ? null : Input.ClientSecret.Trim();
        if (secret is null && provider?.ProtectedClientSecret is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ClientSecret)}", l["Validation.Required", l["SignIn.ClientSecret"]]);
        var domains = IdentityProvider.ParseDomains(Input.Domains);
        if (domains is null or { Count: 0 })
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Domains)}", l["SignIn.BadDomains"]);
        if (!ModelState.IsValid) return Page();

        if (provider is null) db.IdentityProviders.Add(provider = new IdentityProvider(organizerId));
        provider.Update(Input.DisplayName.Trim(), authority!.ToString().TrimEnd('/'), Input.ClientId.Trim(),
            secret is null ? null : secrets.Protect(secret), IdentityProvider.NormalizeScopes(Input.Scopes), Input.PersonClaim, domains!,
            Input.TrustsMfa, Input.Enabled);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // A domain sends its people to one provider: the unique index refuses one that another provider holds, even
            // when two admins save at once. Anything else is not ours to explain.
            var taken = await db.Set<IdentityProviderDomain>().IgnoreQueryFilters()
                .Where(d => d.IdentityProviderId != provider.Id && domains!.Contains(d.Name))
                .Select(d => new { d.Name, d.OrganizerId }).ToListAsync();
            if (taken.Count == 0) throw;
            Refuse("SignIn.DomainTaken", taken.Where(d => d.OrganizerId != organizerId).Select(d => d.Name));
            Refuse("SignIn.DomainInOtherProvider", taken.Where(d => d.OrganizerId == organizerId).Select(d => d.Name));
            return Page();
        }
        cache.Invalidate();
        TempData["Message"] = l["SignIn.Saved", provider.DisplayName].Value;
        return RedirectToPage("Index");
    }

    private void Refuse(string message, IEnumerable<string> domains)
    {
        if (domains.Order(StringComparer.Ordinal).ToList() is { Count: > 0 } list)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Domains)}", l[message, string.Join(", ", list)]);
    }

    private void Show(IdentityProvider p) =>
        (Id, HasSecret, RedirectUri) = (p.Id, p.ProtectedClientSecret is not null, links.To(ProviderConfig.CallbackPathOf(p.Id)));
}
