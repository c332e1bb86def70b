namespace Ensa.Identity;

/// <summary>Roles a user holds at one organizer. SupplierUser and PlatformAdmin are not organizer roles.</summary>
public enum Role
{
    Requester,
    Principal,
    CentralReviewer,
    SecurityCoordinator,
    /// <summary>Signs agreements for the organizer inside Ensa (firmatecknare): given by the organizer's admin.</summary>
    Signatory,
    OrganizerAdmin,
}

public static class Roles
{
    public const string Requester = nameof(Role.Requester);
    public const string Principal = nameof(Role.Principal);
    public const string CentralReviewer = nameof(Role.CentralReviewer);
    public const string SecurityCoordinator = nameof(Role.SecurityCoordinator);
    public const string Signatory = nameof(Role.Signatory);
    public const string OrganizerAdmin = nameof(Role.OrganizerAdmin);
    public const string SupplierUser = "SupplierUser";
    public const string PlatformAdmin = "PlatformAdmin";
}
