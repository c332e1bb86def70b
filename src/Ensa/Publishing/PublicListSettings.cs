using Ensa.Common;

namespace Ensa.Publishing;

/// <summary>Review fields an organizer may choose to publish beside the decision and its conditions (always public).</summary>
[Flags]
public enum PublicFields
{
    None = 0,
    PersonalData = 1,
    ThirdCountry = 2,
    AgreementStatus = 4,
    PedagogicalAssessment = 8,
    Accessibility = 16,
}

/// <summary>How an organizer publishes its list of approved resources (one row per organizer; none means the
/// defaults).</summary>
public sealed class PublicListSettings : IOrganizerOwned, IAudited
{
    public const PublicFields DefaultFields = PublicFields.PersonalData | PublicFields.ThirdCountry | PublicFields.AgreementStatus;
    public const int IntroMaxLength = 2000;

    private PublicListSettings() { }

    public PublicListSettings(Guid organizerId)
    {
        OrganizerId = organizerId;
        Fields = DefaultFields;
    }

    public Guid OrganizerId { get; private set; }
    public PublicFields Fields { get; private set; }
    /// <summary>List "not approved, and why" too.</summary>
    public bool ShowNotApproved { get; private set; }
    /// <summary>A few words at the top of the public list, e.g. where to ask.</summary>
    public string? Intro { get; private set; }

    public void Change(PublicFields fields, bool showNotApproved, string? intro)
    {
        Fields = fields;
        ShowNotApproved = showNotApproved;
        Intro = string.IsNullOrWhiteSpace(intro) ? null : intro.Trim();
    }

    public bool Shows(PublicFields field) => (Fields & field) == field;
}
