using Ensa.Common;

namespace Ensa.Organizers;

public enum OrganizerKind { Municipality, IndependentSchool, Region, State }

/// <summary>Which of the organizer's staff who sign in with a password must use two-factor.</summary>
public enum RequiredTwoFactor { Off, AllStaff, CentralAndAdmins }

/// <summary>A school organizer (huvudman): the tenant and the data controller, through its committee.</summary>
public sealed class Organizer : IAudited
{
    public const int SlugMaxLength = 40;
    public const int ControllerNameMaxLength = 200;
    public const int DataProtectionOfficerNameMaxLength = 200;
    public const int EmailMaxLength = 320;

    private Organizer() { }

    public Organizer(string name, string slug, OrganisationNumber organisationNumber, OrganizerKind kind,
        string controllerName, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        Name = name;
        Slug = slug;
        OrganisationNumber = organisationNumber.ToString();
        Kind = kind;
        ControllerName = controllerName;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Short name used in addresses, e.g. "mittkoping".</summary>
    public string Slug { get; private set; } = "";
    public string OrganisationNumber { get; private set; } = "";
    public OrganizerKind Kind { get; private set; }
    /// <summary>The committee that is controller, e.g. "Grundskolenämnden".</summary>
    public string ControllerName { get; private set; } = "";
    public string? DataProtectionOfficerName { get; private set; }
    public string? DataProtectionOfficerEmail { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>Set while the platform admin has deactivated the organizer: nothing is deleted, but no one acts in it
    /// and its public list is gone.</summary>
    public DateTime? DeactivatedAt { get; private set; }
    public bool IsActive => DeactivatedAt is null;
    public RequiredTwoFactor RequiredTwoFactor { get; private set; }

    public const int DefaultTaskTargetWorkingDays = 10;
    public const int MaxTaskTargetWorkingDays = 60;

    /// <summary>How many Swedish working days a task may wait before its people are reminded (twice that: the central
    /// department is told).</summary>
    public int TaskTargetWorkingDays { get; private set; } = DefaultTaskTargetWorkingDays;

    /// <summary>Whether a review recorded on one of the organizer's agreements is shared with other organizers unless the
    /// reviewer chooses otherwise (Agreement.ReviewShared).</summary>
    public bool ShareReviewsByDefault { get; private set; }

    public void ShareReviews(bool byDefault) => ShareReviewsByDefault = byDefault;

    public void SetTaskTarget(int workingDays) => TaskTargetWorkingDays = workingDays is >= 1 and <= MaxTaskTargetWorkingDays
        ? workingDays : throw new ArgumentOutOfRangeException(nameof(workingDays));

    public void RequireTwoFactor(RequiredTwoFactor required) =>
        RequiredTwoFactor = Enum.IsDefined(required) ? required : throw new ArgumentOutOfRangeException(nameof(required));

    public Result Deactivate(DateTime now)
    {
        if (!IsActive) return new DomainError("Organizer.AlreadyInactive", Name);
        DeactivatedAt = now;
        return Result.Ok;
    }

    public Result Reactivate()
    {
        if (IsActive) return new DomainError("Organizer.AlreadyActive", Name);
        DeactivatedAt = null;
        return Result.Ok;
    }

    public void SetDataProtectionOfficer(string? name, string? email)
    {
        DataProtectionOfficerName = name;
        DataProtectionOfficerEmail = email;
    }

    public void RenameController(string controllerName) =>
        ControllerName = string.IsNullOrWhiteSpace(controllerName)
            ? throw new ArgumentException("The controller is named.", nameof(controllerName))
            : controllerName.Trim();
}
