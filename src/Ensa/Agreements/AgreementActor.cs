using Ensa.Identity;

namespace Ensa.Agreements;

/// <summary>Who acts on an agreement or a supplier description: an organizer's staff with the roles they hold at the
/// agreement's organizer, a supplier's user (acting only for <see cref="SupplierId"/>), a platform admin, or Ensa
/// itself (a background job).</summary>
public sealed record AgreementActor(Guid UserId, string Name, IReadOnlySet<Role> Roles, Guid? SupplierId = null, bool IsPlatformAdmin = false)
{
    public static readonly AgreementActor System = new(Guid.Empty, "Ensa", new HashSet<Role>());

    public static AgreementActor OrganizerStaff(Guid userId, string name, IReadOnlySet<Role> roles) => new(userId, name, roles);

    public static AgreementActor SupplierUser(Guid userId, string name, Guid supplierId) => new(userId, name, new HashSet<Role>(), supplierId);

    public static AgreementActor PlatformAdmin(Guid userId, string name) => new(userId, name, new HashSet<Role>(), IsPlatformAdmin: true);

    public bool IsReviewer => Roles.Contains(Role.CentralReviewer);
    public bool IsSecurityCoordinator => Roles.Contains(Role.SecurityCoordinator);
    /// <summary>Prepares, signs and manages the organizer's agreements: the central department or the organizer's admin.
    /// DPAs are always signed centrally, never by a school.</summary>
    public bool IsAgreementManager => Roles.Contains(Role.CentralReviewer) || Roles.Contains(Role.OrganizerAdmin);
    public bool ActsFor(Guid supplierId) => SupplierId == supplierId;
}
