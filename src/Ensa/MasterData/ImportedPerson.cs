using Ensa.Common;

namespace Ensa.MasterData;

/// <summary>A member of staff read from the organizer's SS 12000 source, kept to the GDPR minimum: name, work e-mail,
/// every eduPersonPrincipalName (a later federated sign-in may present any) and the protected-identity marking. Never
/// the personal identity number, private contact data or addresses.</summary>
public sealed class ImportedPerson : IOrganizerOwned, IAudited
{
    public const int SourceIdMaxLength = 100;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;

    private ImportedPerson() { }

    public ImportedPerson(Guid organizerId, string sourceId)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
        SourceId = sourceId;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    /// <summary>The person's SS 12000 id: what a later import matches on.</summary>
    public string SourceId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? WorkEmail { get; private set; }
    public IReadOnlyList<string> PrincipalNames { get; private set; } = [];
    /// <summary>"Skyddad folkbokföring" or "Sekretessmarkering": never shown on a public or supplier-facing page, never
    /// sent to a supplier.</summary>
    public bool IsProtectedIdentity { get; private set; }
    /// <summary>The account the person's work e-mail belongs to, once they hold a role from the import.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>Takes the source's values; true when anything changed.</summary>
    public bool Update(string name, string? workEmail, IReadOnlyList<string> principalNames, bool isProtectedIdentity)
    {
        var changed = Name != name || WorkEmail != workEmail || !PrincipalNames.SequenceEqual(principalNames, StringComparer.Ordinal)
            || IsProtectedIdentity != isProtectedIdentity;
        (Name, WorkEmail, PrincipalNames, IsProtectedIdentity) = (name, workEmail, principalNames, isProtectedIdentity);
        return changed;
    }

    public void LinkAccount(Guid userId) => UserId = userId;
}
