using Ensa.Agreements;

namespace Ensa.Web.Pages.Agreements;

/// <summary>The organizer's own parts of an agreement, as a form.</summary>
public sealed class PartsInput
{
    public string? ControllerName { get; set; }
    public string? AgreementContactName { get; set; }
    public string? AgreementContactEmail { get; set; }
    public string? AgreementContactPhone { get; set; }
    public string? DataProtectionContactName { get; set; }
    public string? DataProtectionContactEmail { get; set; }
    public string? DataProtectionContactPhone { get; set; }
    public string? RegistryNumber { get; set; }

    public OrganizerParts ToParts() => new(ControllerName ?? "",
        new ContactPerson(AgreementContactName ?? "", AgreementContactEmail ?? "", AgreementContactPhone),
        new ContactPerson(DataProtectionContactName ?? "", DataProtectionContactEmail ?? "", DataProtectionContactPhone), RegistryNumber);

    public static PartsInput From(OrganizerParts p) => new()
    {
        ControllerName = p.ControllerName,
        AgreementContactName = p.AgreementContact.Name, AgreementContactEmail = p.AgreementContact.Email, AgreementContactPhone = p.AgreementContact.Phone,
        DataProtectionContactName = p.DataProtectionContact.Name, DataProtectionContactEmail = p.DataProtectionContact.Email,
        DataProtectionContactPhone = p.DataProtectionContact.Phone, RegistryNumber = p.RegistryNumber,
    };
}
