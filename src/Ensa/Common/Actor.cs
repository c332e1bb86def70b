using Ensa.Identity;

namespace Ensa.Common;

/// <summary>Who takes a workflow step: an organizer's staff with the roles they hold at the record's organizer (and the
/// units they are principal of), a supplier's user (acting only for <see cref="SupplierId"/>), a platform admin, or
/// Ensa itself (a background job). Built from the signed-in user's memberships; the domain decides with it, so a page
/// cannot forget a rule.</summary>
public sealed record Actor(Guid UserId, string Name, IReadOnlySet<Role> Roles, IReadOnlySet<Guid> PrincipalOfUnits,
    Guid? SupplierId = null, bool IsPlatformAdmin = false, bool SignsForSupplier = false)
{
    private static readonly IReadOnlySet<Guid> NoUnits = new HashSet<Guid>();

    public static readonly Actor System = new(Guid.Empty, "Ensa", new HashSet<Role>(), NoUnits);

    public static Actor OrganizerStaff(Guid userId, string name, IReadOnlySet<Role> roles) => new(userId, name, roles, NoUnits);

    /// <summary>A supplier's user; <paramref name="signs"/>: the user may sign agreements for the supplier (its admins).</summary>
    public static Actor SupplierUser(Guid userId, string name, Guid supplierId, bool signs = false) =>
        new(userId, name, new HashSet<Role>(), NoUnits, supplierId, SignsForSupplier: signs);

    public static Actor PlatformAdmin(Guid userId, string name) => new(userId, name, new HashSet<Role>(), NoUnits, IsPlatformAdmin: true);

    public bool IsReviewer => Roles.Contains(Role.CentralReviewer);
    public bool IsSecurityCoordinator => Roles.Contains(Role.SecurityCoordinator);
    /// <summary>Prepares, signs and manages the organizer's agreements: the central department or the organizer's admin.
    /// DPAs are always signed centrally, never by a school.</summary>
    public bool IsAgreementManager => Roles.Contains(Role.CentralReviewer) || Roles.Contains(Role.OrganizerAdmin);
    /// <summary>Signs the organizer's agreements inside Ensa.</summary>
    public bool IsSignatory => Roles.Contains(Role.Signatory);
    public bool IsPrincipalOf(Guid unitId) => PrincipalOfUnits.Contains(unitId);
    public bool ActsFor(Guid supplierId) => SupplierId == supplierId;
}
