using Ensa.Common;

namespace Ensa.Suppliers;

/// <summary>A supplier (leverantör, the processor). Not owned by any organizer: many organizers deal with the same one.</summary>
public sealed class Supplier : IAudited
{
    private Supplier() { }

    public Supplier(string name, string? organisationNumber, string? foreignRegistration, string countryCode,
        string contactName, string contactEmail, DateTime createdAt)
    {
        if (organisationNumber is null && foreignRegistration is null)
            throw new ArgumentException("A supplier has a Swedish organisation number or a foreign registration.");
        Id = Guid.NewGuid();
        Name = name;
        OrganisationNumber = organisationNumber is null ? null : Common.OrganisationNumber.Parse(organisationNumber).ToString();
        ForeignRegistration = foreignRegistration;
        CountryCode = countryCode;
        ContactName = contactName;
        ContactEmail = contactEmail;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? OrganisationNumber { get; private set; }
    public string? ForeignRegistration { get; private set; }
    /// <summary>ISO 3166-1 alpha-2, e.g. "SE".</summary>
    public string CountryCode { get; private set; } = "SE";
    public string ContactName { get; private set; } = "";
    public string ContactEmail { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
