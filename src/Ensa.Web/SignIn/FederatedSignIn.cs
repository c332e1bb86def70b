using System.Security.Claims;
using Ensa.Data;
using Ensa.Identity;
using Ensa.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.SignIn;

/// <summary>Sign-in through an organizer's identity provider: the challenge, and the account the provider's person is
/// (linked once, by login provider = scheme and key = sub).</summary>
public sealed class FederatedSignIn(EnsaDbContext db, SignInManager<EnsaUser> signIn, TimeProvider clock, ILogger<FederatedSignIn> logger)
{
    /// <summary>The <c>amr</c> values (RFC 8176) that say the person used more than a password.</summary>
    private static readonly HashSet<string> MultiFactor = new(StringComparer.OrdinalIgnoreCase) { "mfa", "otp", "hwk", "sc" };

    /// <summary>Ensa's session claim for a federated sign-in the organizer trusts as two-factor.</summary>
    public static readonly Claim MfaClaim = new("amr", "mfa");

    /// <summary>Sends the browser to the provider; false when its discovery document cannot be read (provider down).</summary>
    public async Task<bool> ChallengeAsync(HttpContext http, ProviderConfig provider, string callbackUrl, string? loginHint)
    {
        var properties = signIn.ConfigureExternalAuthenticationProperties(provider.Scheme, callbackUrl);
        if (loginHint is not null) properties.Items[ProviderHandlerOptions.LoginHint] = loginHint;
        try
        {
            await http.ChallengeAsync(provider.Scheme, properties);
            return true;
        }
        catch (InvalidOperationException e)
        {
            logger.LogWarning(e, "Identity provider {Provider} ({Scheme}) could not be reached", provider.DisplayName, provider.Scheme);
            return false;
        }
    }

    /// <summary>The account of the person the provider signed in, found by their login or linked now: to the imported person of
    /// the provider's organizer (any eduPersonPrincipalName, else the work e-mail), or a new Requester account when the
    /// address is of one of the provider's domains. Never to another organizer's account by e-mail alone.</summary>
    public async Task<(EnsaUser? User, DomainError? Error)> AccountAsync(ExternalLoginInfo info, ProviderConfig provider)
    {
        var users = signIn.UserManager;
        if (await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey) is { } known) return (known, null);

        var email = Claim(info.Principal, "email");
        var identifier = provider.PersonClaim switch
        {
            PersonClaim.Upn => Claim(info.Principal, "upn"),
            PersonClaim.EduPersonPrincipalName => Claim(info.Principal, "eduPersonPrincipalName") ?? Claim(info.Principal, "eppn"),
            _ => email,
        };
        if (identifier is null) return (null, new DomainError("SignIn.NoIdentifier", provider.DisplayName));

        // Once per person's first sign-in: the organizer's staff list is read to match a principal name in its JSON column.
        var persons = await db.ImportedPersons.IgnoreQueryFilters().Where(p => p.OrganizerId == provider.OrganizerId).ToListAsync();
        var address = email ?? (identifier.Contains('@', StringComparison.Ordinal) ? identifier : null);
        var person = persons.FirstOrDefault(p => p.PrincipalNames.Contains(identifier, StringComparer.OrdinalIgnoreCase))
                     ?? persons.FirstOrDefault(p => p.WorkEmail is not null && address is not null && p.WorkEmail.Equals(address, StringComparison.OrdinalIgnoreCase));

        var user = person?.UserId is { } linked ? await users.FindByIdAsync(linked.ToString()) : null;
        if (user is null)
        {
            address = person?.WorkEmail ?? address;
            if (address is null || (person is null && !provider.Domains.Contains(IdentityProvider.DomainOf(address) ?? "")))
                return (null, new DomainError("SignIn.NotOfOrganizer", provider.OrganizerName));
            user = await users.FindByEmailAsync(address);
            if (user is not null && !await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id && m.OrganizerId == provider.OrganizerId))
                return (null, new DomainError("SignIn.OtherAccount", address, provider.OrganizerName));
            if (user is null)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                user = EnsaUser.Create(address, person?.Name ?? Claim(info.Principal, "name") ?? address, now);
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) return (null, new DomainError("SignIn.NotOfOrganizer", provider.OrganizerName));
                db.Memberships.Add(new Membership(user.Id, provider.OrganizerId, Role.Requester, null, now));
            }
            person?.LinkAccount(user.Id);
            await db.SaveChangesAsync();
        }
        var login = await users.AddLoginAsync(user, info);
        return login.Succeeded ? (user, null) : (null, new DomainError("SignIn.NotOfOrganizer", provider.OrganizerName));
    }

    /// <summary>Ensa's own cookie, as after a password: at the provider's organizer, with amr=mfa when the organizer trusts
    /// the provider's MFA and the token says the person used it.</summary>
    public async Task SignInAsync(EnsaUser user, ExternalLoginInfo info, ProviderConfig provider)
    {
        List<Claim> claims =
        [
            new(EnsaClaimTypes.ChosenOrganizer, provider.OrganizerId.ToString()),
            new(ClaimTypes.AuthenticationMethod, provider.Scheme),
        ];
        if (provider.TrustsMfa && info.Principal.FindAll("amr").Any(c => MultiFactor.Contains(c.Value))) claims.Add(MfaClaim);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }

    /// <summary>The organizer whose staff may not sign in with a password that this user works for, if any (a supplier's
    /// user and a platform admin always may).</summary>
    public Task<string?> PasswordRefusedByAsync(EnsaUser user) =>
        user.IsPlatformAdmin || user.SupplierId is not null
            ? Task.FromResult<string?>(null)
            : db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id)
                .Join(db.OrganizerSignIns.IgnoreQueryFilters().Where(s => s.PasswordSignInOff), m => m.OrganizerId, s => s.OrganizerId, (m, s) => s.OrganizerId)
                .Join(db.Organizers, id => id, o => o.Id, (_, o) => o.Name)
                .FirstOrDefaultAsync();

    private static string? Claim(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
