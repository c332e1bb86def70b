using Ensa.Common;

namespace Ensa.Organizers;

public enum UnitKind { Administration, School, SchoolUnit }

/// <summary>A node in an organizer's tree: administration, school or school unit (skolenhet).</summary>
public sealed class OrganisationUnit : IOrganizerOwned, IAudited
{
    public const int NameMaxLength = 200;

    private OrganisationUnit() { }

    private OrganisationUnit(Guid organizerId, Guid? parentId, UnitKind kind, string name, string? schoolUnitCode)
    {
        Id = Guid.NewGuid();
        OrganizerId = organizerId;
        ParentId = parentId;
        Kind = kind;
        Name = name;
        SchoolUnitCode = schoolUnitCode;
    }

    public Guid Id { get; private set; }
    public Guid OrganizerId { get; private set; }
    public Guid? ParentId { get; private set; }
    public UnitKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Skolverket's 8-digit school unit code; only school units have one, unique in Sweden.</summary>
    public string? SchoolUnitCode { get; private set; }
    /// <summary>The unit's id in the organizer's SS 12000 source, once imported: what a later import matches on.</summary>
    public string? SourceId { get; private set; }
    /// <summary>The last day the unit was open; a closed unit keeps its history.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public void LinkSource(string sourceId) => SourceId = sourceId;

    public void Rename(string name) => Name = name;

    public void MoveTo(Guid parentId) => ParentId = parentId != Id ? parentId : throw new ArgumentException("A unit is not its own parent.", nameof(parentId));

    public void Close(DateOnly lastDay) => ClosedOn = lastDay;

    public void Reopen() => ClosedOn = null;

    public static bool IsValidSchoolUnitCode(string? code) => code is { Length: 8 } && code.All(char.IsAsciiDigit);

    public static OrganisationUnit Administration(Guid organizerId, string name, Guid? parentId = null) =>
        new(organizerId, parentId, UnitKind.Administration, name, null);

    public static OrganisationUnit School(Guid organizerId, Guid? parentId, string name) =>
        new(organizerId, parentId, UnitKind.School, name, null);

    public static OrganisationUnit SchoolUnit(Guid organizerId, Guid? parentId, string name, string schoolUnitCode) =>
        IsValidSchoolUnitCode(schoolUnitCode)
            ? new(organizerId, parentId, UnitKind.SchoolUnit, name, schoolUnitCode)
            : throw new ArgumentException("A school unit code is 8 digits.", nameof(schoolUnitCode));
}
