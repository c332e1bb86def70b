using System.ComponentModel.DataAnnotations;
using Ensa.Agreements;

namespace Ensa.Web.Pages.Agreements;

/// <summary>The organizer's own parts of an agreement, as a form.</summary>
public sealed class PartsInput
{
    [StringLength(Agreement.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.ControllerName")]
    public string? ControllerName { get; set; }
    [StringLength(ContactPerson.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.AgreementContactName")]
    public string? AgreementContactName { get; set; }
    [StringLength(ContactPerson.EmailMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.AgreementContactEmail")]
    public string? AgreementContactEmail { get; set; }
    [StringLength(ContactPerson.PhoneMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.AgreementContactPhone")]
    public string? AgreementContactPhone { get; set; }
    [StringLength(ContactPerson.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.DataProtectionContactName")]
    public string? DataProtectionContactName { get; set; }
    [StringLength(ContactPerson.EmailMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.DataProtectionContactEmail")]
    public string? DataProtectionContactEmail { get; set; }
    [StringLength(ContactPerson.PhoneMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.DataProtectionContactPhone")]
    public string? DataProtectionContactPhone { get; set; }
    [StringLength(Agreement.RegistryNumberMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Agreement.RegistryNumber")]
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
