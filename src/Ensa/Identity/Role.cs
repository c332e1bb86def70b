namespace Ensa.Identity;

/// <summary>Roles a user holds at one organizer. SupplierUser and PlatformAdmin are not organizer roles.</summary>
public enum Role
{
    Requester,
    Principal,
    CentralReviewer,
    SecurityCoordinator,
    OrganizerAdmin,
}

public static class Roles
{
    public const string Requester = nameof(Role.Requester);
    public const string Principal = nameof(Role.Principal);
    public const string CentralReviewer = nameof(Role.CentralReviewer);
    public const string SecurityCoordinator = nameof(Role.SecurityCoordinator);
    public const string OrganizerAdmin = nameof(Role.OrganizerAdmin);
    public const string SupplierUser = "SupplierUser";
    public const string PlatformAdmin = "PlatformAdmin";
}
