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
    /// <summary>The day the unit closed: it keeps its history but takes no new requests from then on.</summary>
    public DateOnly? ClosedOn { get; private set; }

    public bool IsClosedOn(DateOnly day) => ClosedOn is { } closed && closed <= day;
    /// <summary>The unit's id in the organizer's SS 12000 source, once imported: what a later import matches on.</summary>
    public string? SourceId { get; private set; }

    public void LinkSource(string sourceId) => SourceId = sourceId;

    /// <summary>The source decides the tree: an import moves the unit where the source has it.</summary>
    public void MoveTo(Guid parentId) => ParentId = parentId != Id ? parentId : throw new ArgumentException("A unit is not its own parent.", nameof(parentId));

    /// <summary>The source ended the unit (or no longer has it): closed from <paramref name="closedOn"/>.</summary>
    public void CloseFromSource(DateOnly closedOn) => ClosedOn = closedOn;

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

    /// <summary>A new unit under <paramref name="parent"/> (an open unit of the same organizer that is not a school unit);
    /// a school unit needs an 8-digit code no other unit has.</summary>
    public static (Result Result, OrganisationUnit? Unit) Create(Guid organizerId, OrganisationUnit parent, UnitKind kind, string name,
        string? schoolUnitCode, bool codeTaken)
    {
        if (CheckName(name) is { } nameError) return (nameError, null);
        if (CheckParent(organizerId, parent) is { } parentError) return (parentError, null);
        var code = schoolUnitCode?.Trim();
        if (kind == UnitKind.SchoolUnit)
        {
            if (!IsValidSchoolUnitCode(code)) return (new DomainError("Unit.CodeInvalid", code ?? ""), null);
            if (codeTaken) return (new DomainError("Unit.CodeTaken", code!), null);
        }
        else code = null;
        return (Result.Ok, new OrganisationUnit(organizerId, parent.Id, kind, name.Trim(), code));
    }

    public Result Rename(string name)
    {
        if (CheckName(name) is { } error) return error;
        Name = name.Trim();
        return Result.Ok;
    }

    /// <summary>Moves the unit under <paramref name="parent"/>; <paramref name="parentOf"/> gives each unit's parent, so a
    /// move under the unit itself or one of its descendants (which would cut the branch off the tree) is refused.</summary>
    public Result MoveUnder(OrganisationUnit parent, Func<Guid, Guid?> parentOf)
    {
        if (CheckParent(OrganizerId, parent) is { } error) return error;
        for (Guid? id = parent.Id; id is { } current; id = parentOf(current))
            if (current == Id) return new DomainError("Unit.MoveUnderItself", Name, parent.Name);
        ParentId = parent.Id;
        return Result.Ok;
    }

    /// <summary>Closes the unit from <paramref name="on"/>; its open units must close first, so no open unit hangs under a
    /// closed one.</summary>
    public Result Close(DateOnly on, bool hasOpenChildren)
    {
        if (ClosedOn is not null) return new DomainError("Unit.AlreadyClosed", Name);
        if (hasOpenChildren) return new DomainError("Unit.HasOpenChildren", Name);
        ClosedOn = on;
        return Result.Ok;
    }

    private static DomainError? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength ? new DomainError("Unit.NameInvalid", NameMaxLength) : null;

    private static DomainError? CheckParent(Guid organizerId, OrganisationUnit parent) =>
        parent.OrganizerId != organizerId ? throw new InvalidOperationException("A unit's parent belongs to the same organizer.")
        : parent.Kind == UnitKind.SchoolUnit ? new DomainError("Unit.ParentIsSchoolUnit", parent.Name)
        : parent.ClosedOn is not null ? new DomainError("Unit.ParentClosed", parent.Name)
        : null;
}
