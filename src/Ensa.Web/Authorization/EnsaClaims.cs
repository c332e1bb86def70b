using System.Security.Claims;
using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Ensa.Web.Authorization;

public static class EnsaClaimTypes
{
    /// <summary>In the cookie: the organizer the user chose. Only a wish: checked against memberships each request.</summary>
    public const string ChosenOrganizer = "ensa:chosen-organizer";
    /// <summary>Added per request: the organizer the user acts for (a membership exists).</summary>
    public const string Organizer = "ensa:organizer";
    public const string OrganizerName = "ensa:organizer-name";
    public const string Supplier = "ensa:supplier";
    public const string DisplayName = "ensa:display-name";
    private const string Marker = "ensa:transformed";

    /// <summary>The session showed a second factor (amr=mfa): what signing in Ensa requires.</summary>
    public static bool HasSecondFactor(this ClaimsPrincipal user) => user.HasClaim(TwoFactorGate.Mfa.Type, TwoFactorGate.Mfa.Value);

    /// <summary>How the session's person proved who they are, for a signature: a federated sign-in names its provider
    /// (Identity's authentication method); Ensa's own is password and code.</summary>
    public static Agreements.SignatureMethod SignatureMethod(this ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod) ? Agreements.SignatureMethod.FederatedWithMfa
            : Agreements.SignatureMethod.EnsaAccountWithTotp;

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? OrganizerId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Organizer), out var id) ? id : null;

    /// <summary>The supplier a supplier user acts for.</summary>
    public static Guid? SupplierId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Supplier), out var id) ? id : null;

    internal static bool IsTransformed(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == Marker);

    internal static ClaimsIdentity NewIdentity() => new([new Claim(Marker, "1")]);
}

/// <summary>Adds, on every request, the roles the user holds at the organizer they act for, read from the
/// database, so a role taken away is gone at once and the cookie never carries roles.</summary>
public sealed class EnsaClaimsTransformation(EnsaDbContext db) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.IsTransformed()) return principal;
        var userId = principal.UserId();
        if (userId is null) return principal;

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.SupplierId, u.IsPlatformAdmin, u.LastOrganizerId }).SingleOrDefaultAsync();
        if (user is null) return principal;
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            // A deactivated organizer's roles are not granted: its staff cannot act in it.
            .Join(db.Organizers.Where(o => o.DeactivatedAt == null), m => m.OrganizerId, o => o.Id, (m, o) => new { m.OrganizerId, o.Name, m.Role })
            .ToListAsync();

        var identity = EnsaClaimTypes.NewIdentity();
        identity.AddClaim(new Claim(EnsaClaimTypes.DisplayName, user.DisplayName));
        if (user.IsPlatformAdmin) identity.AddClaim(new Claim(ClaimTypes.Role, Roles.PlatformAdmin));
        if (user.SupplierId is { } supplierId)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, Roles.SupplierUser));
            identity.AddClaim(new Claim(EnsaClaimTypes.Supplier, supplierId.ToString()));
        }

        var chosen = Guid.TryParse(principal.FindFirstValue(EnsaClaimTypes.ChosenOrganizer), out var c) ? c : (Guid?)null;
        // The organizer chosen in this session, else the one last chosen (never simply a newly joined one).
        var current = memberships.FirstOrDefault(m => m.OrganizerId == chosen)
                      ?? memberships.FirstOrDefault(m => m.OrganizerId == user.LastOrganizerId)
                      ?? memberships.OrderBy(m => m.Name, SwedishCalendar.Comparer).FirstOrDefault();
        if (current is not null)
        {
            identity.AddClaim(new Claim(EnsaClaimTypes.Organizer, current.OrganizerId.ToString()));
            identity.AddClaim(new Claim(EnsaClaimTypes.OrganizerName, current.Name));
            foreach (var role in memberships.Where(m => m.OrganizerId == current.OrganizerId).Select(m => m.Role).Distinct())
                identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
        }
        principal.AddIdentity(identity);
        return principal;
    }
}

/// <summary>The current user and organizer for the DbContext (tenancy filter) and the audit log.</summary>
public sealed class HttpCurrentSession(IHttpContextAccessor accessor) : Ensa.Common.ICurrentSession
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;
    public Guid? UserId => User?.UserId();
    public string? UserName => User?.FindFirstValue(EnsaClaimTypes.DisplayName) ?? User?.Identity?.Name;
    public Guid? OrganizerId => User?.OrganizerId();
}
