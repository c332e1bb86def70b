namespace Ensa.Agreements;

/// <summary>The legal ground for a transfer of personal data to a country outside the EU/EEA (GDPR chapter V).</summary>
public enum TransferSafeguard
{
    AdequacyDecision,
    StandardContractualClauses,
    BindingCorporateRules,
    DataPrivacyFramework,
}

public enum DataSubjectKind { Pupils, Staff, Guardians, Other }

[Flags]
public enum LocationUse { None = 0, Processing = 1, Storage = 2 }

/// <summary>A person to contact at one party, for agreement administration or for data-protection cooperation.</summary>
public sealed record ContactPerson(string Name, string Email, string? Phone = null)
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 320;
    public const int PhoneMaxLength = 50;

    public static readonly ContactPerson None = new("", "");
    public bool IsComplete => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(Email);
}

public sealed record DataSubjectGroup(DataSubjectKind Kind, string? Description = null);

/// <summary>A category of personal data. Sensitive data (Art. 9) and personal identity numbers (personnummer) are
/// flagged because both change what the organizer must assess.</summary>
public sealed record PersonalDataCategory(string Name, bool Sensitive = false, bool PersonalIdentityNumber = false, string? Notes = null);

/// <summary>Where data is processed or stored; <see cref="CountryCode"/> is ISO 3166-1 alpha-2.</summary>
public sealed record ProcessingLocation(string Description, string CountryCode, LocationUse Use);

public sealed record ThirdCountryTransfer(string Recipient, string CountryCode, TransferSafeguard Safeguard, string? Notes = null);

/// <summary>One row of the appendix "Lista över underbiträden". A safeguard is needed when <see cref="CountryCode"/> is
/// outside the EU/EEA.</summary>
public sealed record SubProcessor(string Name, string? OrganisationNumber, string Address, string Activities, string CountryCode,
    TransferSafeguard? Safeguard = null);

/// <summary>What the supplier fills in for one resource: the Instruktion appendix and the list of sub-processors.
/// Kept as one shape so drafts, versions, comparisons and deviations share it.</summary>
public sealed record InstructionContent
{
    // Kept as JSON (unbounded columns); these bound what one form post may add.
    public const int ItemMaxLength = 1000;
    public const int ListMaxLength = 4000;
    public const int CountryCodeMaxLength = 2;

    public string SubjectMatter { get; init; } = "";
    public string Nature { get; init; } = "";
    public string Purposes { get; init; } = "";
    public IReadOnlyList<DataSubjectGroup> DataSubjects { get; init; } = [];
    public IReadOnlyList<PersonalDataCategory> PersonalData { get; init; } = [];
    public IReadOnlyList<string> ProcessingOperations { get; init; } = [];
    public string Retention { get; init; } = "";
    public string Deletion { get; init; } = "";
    public IReadOnlyList<ProcessingLocation> Locations { get; init; } = [];
    public IReadOnlyList<ThirdCountryTransfer> Transfers { get; init; } = [];
    public IReadOnlyList<string> SecurityMeasures { get; init; } = [];
    public string Logging { get; init; } = "";
    public string LogAccess { get; init; } = "";
    public ContactPerson AgreementContact { get; init; } = ContactPerson.None;
    public ContactPerson DataProtectionContact { get; init; } = ContactPerson.None;
    public IReadOnlyList<SubProcessor> SubProcessors { get; init; } = [];
}

/// <summary>The EU/EEA member states, where personal data may go without a chapter V safeguard.</summary>
public static class Eea
{
    public static bool Contains(string countryCode) => Common.Countries.IsEea(countryCode);
}
