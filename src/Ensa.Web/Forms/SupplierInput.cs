using System.ComponentModel.DataAnnotations;
using Ensa.Suppliers;

namespace Ensa.Web.Forms;

/// <summary>A supplier's facts as a form gives them: one set of fields and limits for describing a new supplier with a
/// resource and for the platform admin's edit. Blank fields are refused by <see cref="SupplierDetails.Check"/>, with a
/// reason.</summary>
public class SupplierInput
{
    [StringLength(Supplier.NameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.Name")]
    public string? Name { get; set; }

    [StringLength(13, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.OrgNumber")]
    public string? OrganisationNumber { get; set; }

    [StringLength(Supplier.ForeignRegistrationMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.ForeignRegistration")]
    public string? ForeignRegistration { get; set; }

    [StringLength(2, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.Country")]
    public string? CountryCode { get; set; }

    [StringLength(Supplier.ContactNameMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.Contact")]
    public string? ContactName { get; set; }

    [StringLength(Supplier.ContactEmailMaxLength, ErrorMessage = "Validation.Length"), Display(Name = "Supplier.ContactEmail")]
    public string? ContactEmail { get; set; }

    public SupplierDetails Details() =>
        new(Name ?? "", OrganisationNumber, ForeignRegistration, CountryCode, ContactName ?? "", ContactEmail ?? "");
}
