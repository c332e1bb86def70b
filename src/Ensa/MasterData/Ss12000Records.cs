namespace Ensa.MasterData;

// The parts of SS 12000 v2.1 that Ensa reads. Deliberately no civicNo, addresses or phone numbers: what is not declared
// here is never deserialized, so it cannot be stored by mistake.

public sealed record Ss12000Page<T>(IReadOnlyList<T>? Data, string? PageToken);

public sealed record Ss12000Reference(string? Id);

public sealed record Ss12000Organisation(string? Id, string? DisplayName, string? OrganisationType, string? OrganisationNumber,
    string? SchoolUnitCode, Ss12000Reference? ParentOrganisation, DateOnly? StartDate, DateOnly? EndDate);

public sealed record Ss12000Email(string? Value, string? Type);

public sealed record Ss12000Person(string? Id, string? GivenName, string? FamilyName, IReadOnlyList<string>? EduPersonPrincipalNames,
    string? SecurityMarking, IReadOnlyList<Ss12000Email>? Emails);

public sealed record Ss12000Duty(string? Id, Ss12000Reference? Person, Ss12000Reference? DutyAt, string? DutyRole, DateOnly? StartDate,
    DateOnly? EndDate);

/// <summary>Everything one import reads from the source: all pages of the three lists.</summary>
public sealed record Ss12000Snapshot(IReadOnlyList<Ss12000Organisation> Organisations, IReadOnlyList<Ss12000Person> Persons,
    IReadOnlyList<Ss12000Duty> Duties);

/// <summary>The source could not be read; <see cref="Error"/> says why, as a resource key and its arguments.</summary>
public sealed class Ss12000Exception(Common.DomainError error, Exception? inner = null) : Exception(error.Code, inner)
{
    public Common.DomainError Error { get; } = error;
}
