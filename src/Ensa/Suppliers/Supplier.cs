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

    public const int NameMaxLength = 200;
    public const int ForeignRegistrationMaxLength = 100;
    public const int ContactNameMaxLength = 200;
    public const int ContactEmailMaxLength = 320;

    /// <summary>A new supplier from checked details (see <see cref="SupplierDetails.Check"/>).</summary>
    public static Supplier From(SupplierDetails d, DateTime now) =>
        new(d.Name, d.OrganisationNumber, d.ForeignRegistration, d.CountryCode ?? "SE", d.ContactName, d.ContactEmail, now);

    /// <summary>The platform admin's correction of the supplier's facts, checked.</summary>
    public Result Change(SupplierDetails input)
    {
        var (result, d) = input.Check();
        if (d is null) return result;
        (Name, OrganisationNumber, ForeignRegistration, CountryCode, ContactName, ContactEmail) =
            (d.Name, d.OrganisationNumber, d.ForeignRegistration, d.CountryCode ?? "SE", d.ContactName, d.ContactEmail);
        return Result.Ok;
    }
}

/// <summary>What a supplier is described by, as typed: a Swedish organisation number, or a foreign registration and its
/// country.</summary>
public sealed record SupplierDetails(string Name, string? OrganisationNumber, string? ForeignRegistration, string? CountryCode,
    string ContactName, string ContactEmail)
{
    /// <summary>The details trimmed and normalised (number as NNNNNN-NNNN, country upper case), or why they are refused.</summary>
    public (Result Result, SupplierDetails? Checked) Check()
    {
        var name = Name.Trim();
        if (name.Length is 0 or > Supplier.NameMaxLength) return (new DomainError("Supplier.NameInvalid", Supplier.NameMaxLength), null);
        string? number = null, registration = null;
        string country;
        if (!string.IsNullOrWhiteSpace(OrganisationNumber))
        {
            if (!Common.OrganisationNumber.TryParse(OrganisationNumber, out var n)) return (new DomainError("Supplier.OrgNumberInvalid"), null);
            number = n.ToString();
            country = "SE";
        }
        else if (!string.IsNullOrWhiteSpace(ForeignRegistration))
        {
            registration = ForeignRegistration.Trim();
            if (registration.Length > Supplier.ForeignRegistrationMaxLength)
                return (new DomainError("Supplier.ForeignRegistrationInvalid", Supplier.ForeignRegistrationMaxLength), null);
            country = (CountryCode ?? "").Trim().ToUpperInvariant();
            // A Swedish company has an organisation number; a foreign one names its country.
            if (!IsCountryCode(country) || country == "SE") return (new DomainError("Supplier.CountryInvalid"), null);
        }
        else
        {
            return (new DomainError("Supplier.RegistrationRequired"), null);
        }
        var contact = ContactName.Trim();
        if (contact.Length is 0 or > Supplier.ContactNameMaxLength)
            return (new DomainError("Supplier.ContactNameInvalid", Supplier.ContactNameMaxLength), null);
        var email = ContactEmail.Trim();
        if (email.Length is 0 or > Supplier.ContactEmailMaxLength || email.IndexOf('@', StringComparison.Ordinal) is <= 0)
            return (new DomainError("Supplier.ContactEmailInvalid"), null);
        return (Result.Ok, new SupplierDetails(name, number, registration, country, contact, email));
    }

    private static bool IsCountryCode(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)) return false;
        try
        {
            return new System.Globalization.RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
