using Ensa.Common;
using Ensa.Mail;
using Ensa.Resources;

namespace Ensa.Agreements;

/// <summary>The steps on one version of a supplier's description.</summary>
public enum DescriptionStep { StartNextDraft, Edit, Publish }

/// <summary>A supplier's description of how one learning resource processes personal data (the Instruktion appendix
/// and the sub-processor list), written once and reused by every organizer. Each row is one version: the supplier edits
/// the draft, <see cref="Publish"/> makes it version N for good, and the next change starts draft N+1.</summary>
public sealed class SupplierDescription : IAudited, IVersioned
{
    public const int TextMaxLength = 4000;

    private SupplierDescription() { }

    public Guid Id { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid ResourceId { get; private set; }
    /// <summary>1, 2, …; a draft already carries the number it will be published as.</summary>
    public int Version { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public Guid? PublishedById { get; private set; }
    public string? PublishedByName { get; private set; }
    public bool IsPublished => PublishedAt is not null;

    public string SubjectMatter { get; private set; } = "";
    public string Nature { get; private set; } = "";
    public string Purposes { get; private set; } = "";
    public IReadOnlyList<DataSubjectGroup> DataSubjects { get; private set; } = [];
    public IReadOnlyList<PersonalDataCategory> PersonalData { get; private set; } = [];
    public IReadOnlyList<string> ProcessingOperations { get; private set; } = [];
    public string Retention { get; private set; } = "";
    public string Deletion { get; private set; } = "";
    public IReadOnlyList<ProcessingLocation> Locations { get; private set; } = [];
    public IReadOnlyList<ThirdCountryTransfer> Transfers { get; private set; } = [];
    public IReadOnlyList<string> SecurityMeasures { get; private set; } = [];
    public string Logging { get; private set; } = "";
    public string LogAccess { get; private set; } = "";
    public string AgreementContactName { get; private set; } = "";
    public string AgreementContactEmail { get; private set; } = "";
    public string? AgreementContactPhone { get; private set; }
    public string DataProtectionContactName { get; private set; } = "";
    public string DataProtectionContactEmail { get; private set; } = "";
    public string? DataProtectionContactPhone { get; private set; }
    public IReadOnlyList<SubProcessor> SubProcessors { get; private set; } = [];

    // Derived on every edit, so lists of resources and agreements can filter on them without reading the lists.
    public bool HasSensitiveData { get; private set; }
    public bool HasPersonalIdentityNumbers { get; private set; }
    public bool HasThirdCountryTransfer { get; private set; }

    /// <summary>The supplier's first description of a resource of its own: draft version 1.</summary>
    public static Result StartFirstDraft(Actor actor, LearningResource resource, DateTime now, out SupplierDescription? draft)
    {
        draft = null;
        if (resource.SupplierId is not { } supplierId || !actor.ActsFor(supplierId)) return new DomainError("Description.NotThisSupplier");
        draft = new SupplierDescription
        {
            Id = Guid.NewGuid(), SupplierId = supplierId, ResourceId = resource.Id, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        return Result.Ok;
    }

    /// <summary>Starts the next version from this published one. The caller passes the latest version; a unique index on
    /// (supplier, resource, version) refuses a second draft.</summary>
    public Result StartNextDraft(Actor actor, DateTime now, out SupplierDescription? draft)
    {
        draft = null;
        if (Check(actor, DescriptionStep.StartNextDraft) is { Succeeded: false } refused) return refused;
        draft = new SupplierDescription
        {
            Id = Guid.NewGuid(), SupplierId = SupplierId, ResourceId = ResourceId, Version = Version + 1, CreatedAt = now, UpdatedAt = now,
        };
        draft.Apply(Content());
        return Result.Ok;
    }

    public Result Edit(Actor actor, InstructionContent content, DateTime now)
    {
        if (Check(actor, DescriptionStep.Edit) is { Succeeded: false } refused) return refused;
        Apply(content);
        UpdatedAt = now;
        return Result.Ok;
    }

    /// <summary>Makes the draft this version for good; refused, with what is missing, unless its content is complete.</summary>
    public Result Publish(Actor actor, DateTime now)
    {
        if (Check(actor, DescriptionStep.Publish) is { Succeeded: false } refused) return refused;
        if (Validate() is { } error) return error;
        PublishedAt = now;
        PublishedById = actor.UserId;
        PublishedByName = actor.Name;
        UpdatedAt = now;
        return Result.Ok;
    }

    /// <summary>The steps <paramref name="actor"/> may take on this version now.</summary>
    public IReadOnlySet<DescriptionStep> AllowedSteps(Actor actor) => Steps.Allowed<DescriptionStep>(s => Check(actor, s));

    /// <summary>Only the supplier's own people; a published version is only the start of the next draft, a draft only
    /// edited and published.</summary>
    private Result Check(Actor actor, DescriptionStep step) =>
        !actor.ActsFor(SupplierId) ? new DomainError("Description.NotThisSupplier")
        : step == DescriptionStep.StartNextDraft ? (IsPublished ? Result.Ok : new DomainError("Description.NotPublished"))
        : IsPublished ? new DomainError("Description.Published") : Result.Ok;

    private DomainError? Validate()
    {
        if (string.IsNullOrWhiteSpace(SubjectMatter) || string.IsNullOrWhiteSpace(Purposes)) return new("Description.PurposesMissing");
        if (DataSubjects.Count == 0) return new("Description.DataSubjectsMissing");
        if (PersonalData.Count == 0) return new("Description.PersonalDataMissing");
        if (string.IsNullOrWhiteSpace(Retention) || string.IsNullOrWhiteSpace(Deletion)) return new("Description.RetentionMissing");
        if (Locations.Count == 0) return new("Description.LocationsMissing");
        if (!Content().AgreementContact.IsComplete || !Content().DataProtectionContact.IsComplete) return new("Description.ContactsMissing");
        if (InvalidValue() is { } invalid) return invalid;
        foreach (var location in Locations.Where(l => !Eea.Contains(l.CountryCode)))
            if (!Transfers.Any(t => string.Equals(t.CountryCode, location.CountryCode, StringComparison.OrdinalIgnoreCase)))
                return new("Description.TransferMissing", location.CountryCode.ToUpperInvariant());
        foreach (var sub in SubProcessors.Where(s => !Eea.Contains(s.CountryCode) && s.Safeguard is null))
            return new("Description.SafeguardMissing", sub.Name);
        return null;
    }

    /// <summary>The first value that is filled in but not valid, naming its field: a contact's e-mail address as Ensa
    /// would send to it, a country outside ISO 3166-1, a sub-processor's registration number by its country's rules.</summary>
    public DomainError? InvalidValue()
    {
        if (!EmailAddresses.IsValid(AgreementContactEmail)) return new("Description.AgreementContactEmailInvalid", AgreementContactEmail);
        if (!EmailAddresses.IsValid(DataProtectionContactEmail)) return new("Description.DataProtectionContactEmailInvalid", DataProtectionContactEmail);
        foreach (var location in Locations.Where(l => !Countries.IsKnown(l.CountryCode)))
            return new("Description.LocationCountryUnknown", location.Description);
        foreach (var transfer in Transfers.Where(t => !Countries.IsKnown(t.CountryCode)))
            return new("Description.TransferCountryUnknown", transfer.Recipient);
        foreach (var sub in SubProcessors)
        {
            if (!Countries.IsKnown(sub.CountryCode)) return new("Description.SubProcessorCountryUnknown", sub.Name);
            if (!string.IsNullOrWhiteSpace(sub.OrganisationNumber) && !RegistrationNumber.IsValid(sub.CountryCode, sub.OrganisationNumber))
                return new("Description.OrganisationNumberInvalid", sub.Name, sub.OrganisationNumber);
        }
        return null;
    }

    public InstructionContent Content() => new()
    {
        SubjectMatter = SubjectMatter,
        Nature = Nature,
        Purposes = Purposes,
        DataSubjects = DataSubjects,
        PersonalData = PersonalData,
        ProcessingOperations = ProcessingOperations,
        Retention = Retention,
        Deletion = Deletion,
        Locations = Locations,
        Transfers = Transfers,
        SecurityMeasures = SecurityMeasures,
        Logging = Logging,
        LogAccess = LogAccess,
        AgreementContact = new ContactPerson(AgreementContactName, AgreementContactEmail, AgreementContactPhone),
        DataProtectionContact = new ContactPerson(DataProtectionContactName, DataProtectionContactEmail, DataProtectionContactPhone),
        SubProcessors = SubProcessors,
    };

    private void Apply(InstructionContent c)
    {
        SubjectMatter = c.SubjectMatter.Trim();
        Nature = c.Nature.Trim();
        Purposes = c.Purposes.Trim();
        DataSubjects = [.. c.DataSubjects];
        PersonalData = [.. c.PersonalData];
        ProcessingOperations = [.. c.ProcessingOperations.Select(o => o.Trim()).Where(o => o.Length > 0)];
        Retention = c.Retention.Trim();
        Deletion = c.Deletion.Trim();
        Locations = [.. c.Locations.Select(l => l with { CountryCode = l.CountryCode.Trim().ToUpperInvariant() })];
        Transfers = [.. c.Transfers.Select(t => t with { CountryCode = t.CountryCode.Trim().ToUpperInvariant() })];
        SecurityMeasures = [.. c.SecurityMeasures.Select(m => m.Trim()).Where(m => m.Length > 0)];
        Logging = c.Logging.Trim();
        LogAccess = c.LogAccess.Trim();
        (AgreementContactName, AgreementContactEmail, AgreementContactPhone) =
            (c.AgreementContact.Name.Trim(), c.AgreementContact.Email.Trim(), Trim(c.AgreementContact.Phone));
        (DataProtectionContactName, DataProtectionContactEmail, DataProtectionContactPhone) =
            (c.DataProtectionContact.Name.Trim(), c.DataProtectionContact.Email.Trim(), Trim(c.DataProtectionContact.Phone));
        SubProcessors = [.. c.SubProcessors.Select(s => s with { CountryCode = s.CountryCode.Trim().ToUpperInvariant() })];

        HasSensitiveData = PersonalData.Any(p => p.Sensitive);
        HasPersonalIdentityNumbers = PersonalData.Any(p => p.PersonalIdentityNumber);
        HasThirdCountryTransfer = Transfers.Count > 0 || Locations.Any(l => !Eea.Contains(l.CountryCode))
            || SubProcessors.Any(s => !Eea.Contains(s.CountryCode));
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
