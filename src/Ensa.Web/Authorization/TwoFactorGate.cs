using System.Security.Claims;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Organizers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Authorization;

/// <summary>Two-factor that an organizer requires (and that every supplier user and platform admin needs): a password
/// session without a second factor reaches only the two-factor page, sign-out and the language switch until the account
/// has TOTP. One gate for every page, so no page can forget it.</summary>
public static class TwoFactorGate
{
    /// <summary>Identity's mark of a password sign-in (RFC 8176); a second factor adds <see cref="Mfa"/>.</summary>
    public static readonly Claim Password = new("amr", "pwd");
    public static readonly Claim Mfa = new("amr", "mfa");
    public const string SetUpPage = "/Account/TwoFactor";

    private static readonly HashSet<string> Reachable = [SetUpPage, "/Account/Logout", "/Language", "/Error"];
    private static readonly string[] CentralAndAdmins = [Roles.CentralReviewer, Roles.SecurityCoordinator, Roles.Signatory, Roles.OrganizerAdmin];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Only pages are gated: static files, health and the public API are not the user's.
        var page = context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath;
        if (page is not null && !Reachable.Contains(page) && await IsRequiredAsync(context.User, context.RequestServices.GetRequiredService<EnsaDbContext>()))
        {
            // After setting it up the page offers the way on to where the user was going (a GET only: a form post is lost).
            var back = HttpMethods.IsGet(context.Request.Method) ? $"&returnUrl={Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString)}" : "";
            context.Response.Redirect($"{SetUpPage}?required=true{back}");
            return;
        }
        await next();
    });

    /// <summary>True while this session must not go on without setting up two-factor: a password session (a federated one
    /// counts as its provider's) without a second factor, of an account without TOTP, whom the rule covers.</summary>
    public static async Task<bool> IsRequiredAsync(ClaimsPrincipal user, EnsaDbContext db)
    {
        if (!user.HasClaim(Password.Type, Password.Value) || user.HasClaim(Mfa.Type, Mfa.Value) || user.UserId() is not { } userId) return false;
        var organizerId = user.OrganizerId();
        // Platform admins see every organizer; any supplier user may publish a description: both always need it.
        var rule = user.SupplierId() is not null || user.IsInRole(Roles.PlatformAdmin) ? RequiredTwoFactor.AllStaff
            : organizerId is null ? RequiredTwoFactor.Off
            : await db.Organizers.Where(o => o.Id == organizerId).Select(o => o.RequiredTwoFactor).SingleOrDefaultAsync();
        var covered = rule == RequiredTwoFactor.AllStaff || (rule == RequiredTwoFactor.CentralAndAdmins && CentralAndAdmins.Any(user.IsInRole));
        return covered && !await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleOrDefaultAsync();
    }
}
