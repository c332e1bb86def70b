using System.Security.Claims;
using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ensa.Web.Authorization;

/// <summary>A sign-in cookie is good only while the account's security stamp is the one it was issued with. The
/// framework's validator checks that at intervals; Ensa checks it on every request (one indexed read), so signing out,
/// a password or two-factor change and deactivation end every session of the account at once, on every node.</summary>
public static class SessionStamp
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.UserId();
        var stamp = context.Principal?.FindFirst(stampClaim)?.Value;
        var current = userId is null ? null
            : await services.GetRequiredService<EnsaDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync();
        if (current is not null && current == stamp) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>After a change of the account's own stamp (a new second factor, say): this session gets a new cookie with
    /// the new stamp and keeps its chosen organizer, how it signed in and persistence; the account's other sessions end.
    /// <paramref name="secondFactor"/>: true when the user has just proven a second factor in this session; false when the
    /// account's own second factor is gone, so a local session counts as a password one (a federated session keeps its
    /// provider's); null: as it was.</summary>
    public static async Task RenewAsync(SignInManager<EnsaUser> signIn, EnsaUser user, bool? secondFactor = null)
    {
        var context = signIn.Context;
        var properties = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties;
        var chosen = context.User.FindFirst(EnsaClaimTypes.ChosenOrganizer);
        var claims = SignInMethod(context.User).ToList();
        if (chosen is not null) claims.Add(new Claim(chosen.Type, chosen.Value));
        if (secondFactor == true && !context.User.HasClaim(TwoFactorGate.Mfa.Type, TwoFactorGate.Mfa.Value)) claims.Add(TwoFactorGate.Mfa);
        // Identity marks a password-and-code sign-in amr=mfa only; without the code it is a password session again.
        if (secondFactor == false && !context.User.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod))
        {
            claims.RemoveAll(c => c.Type == TwoFactorGate.Mfa.Type);
            claims.Add(TwoFactorGate.Password);
        }
        await signIn.SignInWithClaimsAsync(user, properties, claims);
    }

    /// <summary>How this session signed in (amr, the federated provider), for a re-issued cookie to keep.</summary>
    public static IEnumerable<Claim> SignInMethod(ClaimsPrincipal user) =>
        user.Claims.Where(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod).Select(c => new Claim(c.Type, c.Value));

    /// <summary>Ends every session of the account (all devices), then this one's cookie.</summary>
    public static async Task SignOutEverywhereAsync(SignInManager<EnsaUser> signIn, EnsaUser? user)
    {
        if (user is not null) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }
}
