using Ensa.Common;
using Ensa.Data;
using Ensa.Identity;
using Ensa.Organizers;
using Microsoft.EntityFrameworkCore;

namespace Ensa.MasterData;

/// <summary>Counts of one kind of record in an import.</summary>
public sealed class ImportCounts
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Closed { get; set; }
    public int Skipped { get; set; }
}

/// <summary>A record the import left alone, and why (a resource key and its arguments).</summary>
public sealed record SkippedRecord(string Type, string Id, DomainError Reason);

/// <summary>One change an import makes (or would make), as a resource key and its arguments, for a person to read.</summary>
public sealed record ImportChange(string Type, string Id, DomainError What);

/// <summary>What an import changes (or, as a preview, would change).</summary>
public sealed class ImportSummary
{
    public ImportCounts Organisations { get; } = new();
    /// <summary>Persons added, updated (or reactivated) and deactivated (closed).</summary>
    public ImportCounts Persons { get; } = new();
    /// <summary>Rektor duties: Principal roles granted (created) and lost (closed).</summary>
    public ImportCounts Duties { get; } = new();
    public List<SkippedRecord> Skipped { get; } = [];
    public List<ImportChange> Changes { get; } = [];
    public bool ChangesAnything => Organisations.Created + Organisations.Updated + Organisations.Closed + Persons.Created + Persons.Updated
        + Persons.Closed + Duties.Created + Duties.Closed > 0;
}

/// <summary>Brings an organizer's units, staff and principals in line with an SS 12000 snapshot. The changes are made to
/// the context and not saved: the caller saves to apply them, or does not (a preview). Matches on the SS 12000 id, with
/// the school unit code as a check, so a second run with the same data changes nothing.</summary>
public sealed class Ss12000Import
{
    public const string Rektor = "Rektor";
    /// <summary>Who suspends the roles of a person the sync deactivates: not a person, so that the sync reactivates only
    /// those it deactivated itself, never one the admin did.</summary>
    public static readonly Guid SyncActor = Guid.Empty;
    private static readonly string[] WorkEmailTypes = ["Skola personal", "Arbete övrigt"];
    private static readonly string[] ProtectedMarkings = ["Skyddad folkbokföring", "Sekretessmarkering"];

    private readonly EnsaDbContext _db;
    private readonly Guid _organizerId;
    private readonly DateTime _now;
    private readonly DateOnly _today;
    private readonly ImportSummary _summary = new();
    private readonly Dictionary<string, Ss12000Organisation> _organisations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrganisationUnit?> _resolved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    /// <summary>Persons with a current duty at an imported unit: the only persons imported.</summary>
    private readonly HashSet<string> _staff = new(StringComparer.Ordinal);
    private List<OrganisationUnit> _units = [];
    private OrganisationUnit _top = null!;
    private Ss12000Organisation _huvudman = null!;

    private Ss12000Import(EnsaDbContext db, Guid organizerId, DateTime now)
    {
        (_db, _organizerId, _now) = (db, organizerId, now);
        _today = SwedishCalendar.Today(now);
    }

    /// <summary>Refuses a source whose Huvudman is not this organizer, changing nothing.</summary>
    public static async Task<(Result Result, ImportSummary? Summary)> RunAsync(EnsaDbContext db, Guid organizerId, Ss12000Snapshot snapshot,
        DateTime now, CancellationToken cancellationToken = default)
    {
        var import = new Ss12000Import(db, organizerId, now);
        var refused = await import.RunAsync(snapshot, cancellationToken);
        return refused is null ? (Result.Ok, import._summary) : (refused, null);
    }

    private async Task<DomainError?> RunAsync(Ss12000Snapshot snapshot, CancellationToken cancellationToken)
    {
        var organizer = await _db.Organizers.SingleAsync(o => o.Id == _organizerId, cancellationToken);
        foreach (var o in snapshot.Organisations)
        {
            if (string.IsNullOrWhiteSpace(o.Id)) Skip("organisation", "", "Ss12000.Skip.NoId", _summary.Organisations);
            else if (!_organisations.TryAdd(o.Id, o)) Skip("organisation", o.Id, "Ss12000.Skip.Duplicate", _summary.Organisations);
        }
        var huvudmän = _organisations.Values.Where(o => o.OrganisationType == "Huvudman").ToList();
        var huvudman = huvudmän.FirstOrDefault(o => OrganisationNumber.TryParse(o.OrganisationNumber, out var n) && n.ToString() == organizer.OrganisationNumber);
        if (huvudman is null)
        {
            var found = huvudmän.Count == 0 ? "–" : string.Join(", ", huvudmän.Select(o => o.OrganisationNumber ?? "–"));
            return new DomainError("Ss12000.WrongHuvudman", found, organizer.OrganisationNumber);
        }
        _huvudman = huvudman;

        _units = await _db.OrganisationUnits.IgnoreQueryFilters().Where(u => u.OrganizerId == _organizerId).ToListAsync(cancellationToken);
        _top = _units.Where(u => u.ParentId == null).OrderBy(u => u.Kind).First();
        foreach (var id in _organisations.Keys) await ResolveAsync(id, cancellationToken);
        CloseUnitsGoneFromSource();

        var principals = ReadDuties(snapshot);
        var persons = await ImportPersonsAsync(snapshot, principals, cancellationToken);
        // Reactivated first, so that the roles restored are checked against the duties like the others.
        await ReactivateReturningAsync(persons, cancellationToken);
        await GrantPrincipalsAsync(principals, persons, cancellationToken);
        await DeactivateLeaversAsync(persons, cancellationToken);
        return null;
    }

    private async Task<OrganisationUnit?> ResolveAsync(string id, CancellationToken cancellationToken)
    {
        if (_resolved.TryGetValue(id, out var done)) return done;
        var o = _organisations[id];
        if (!_resolving.Add(id)) return Resolved(id, Skip("organisation", id, "Ss12000.Skip.Cycle", _summary.Organisations));
        return Resolved(id, o == _huvudman ? LinkTop(o) : await PlaceAsync(o, cancellationToken));
    }

    private OrganisationUnit? Resolved(string id, OrganisationUnit? unit)
    {
        _resolved[id] = unit;
        return unit;
    }

    private OrganisationUnit LinkTop(Ss12000Organisation huvudman)
    {
        if (_top.SourceId != huvudman.Id)
        {
            _top.LinkSource(huvudman.Id!);
            _summary.Organisations.Updated++;
            Change("organisation", huvudman.Id!, "Ss12000.Change.TopLinked", _top.Name);
        }
        return _top;
    }

    private async Task<OrganisationUnit?> PlaceAsync(Ss12000Organisation o, CancellationToken cancellationToken)
    {
        var id = o.Id!;
        var counts = _summary.Organisations;
        UnitKind? kind = o.OrganisationType switch
        {
            "Skolenhet" => UnitKind.SchoolUnit,
            "Skola" => UnitKind.School,
            "Förvaltning" or "Verksamhetsområde" or "Rektorsområde" => UnitKind.Administration,
            _ => null,
        };
        if (o.OrganisationType == "Huvudman") return Skip("organisation", id, "Ss12000.Skip.OtherHuvudman", counts, o.OrganisationNumber ?? "–");
        if (kind is null) return Skip("organisation", id, "Ss12000.Skip.OrganisationType", counts, o.OrganisationType ?? "–");
        var name = o.DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > OrganisationUnit.NameMaxLength)
            return Skip("organisation", id, "Ss12000.Skip.Name", counts, OrganisationUnit.NameMaxLength);
        var code = o.SchoolUnitCode?.Trim();
        if (kind == UnitKind.SchoolUnit && !OrganisationUnit.IsValidSchoolUnitCode(code))
            return Skip("organisation", id, "Ss12000.Skip.SchoolUnitCode", counts, code?.Length ?? 0, code ?? "");

        var parentId = o.ParentOrganisation?.Id;
        OrganisationUnit? parent = _top;
        if (!string.IsNullOrEmpty(parentId))
        {
            if (!_organisations.ContainsKey(parentId)) return Skip("organisation", id, "Ss12000.Skip.ParentMissing", counts, parentId);
            parent = await ResolveAsync(parentId, cancellationToken);
            if (parent is null) return Skip("organisation", id, "Ss12000.Skip.ParentSkipped", counts, parentId);
        }

        var closed = o.EndDate < _today;
        var unit = _units.FirstOrDefault(u => u.SourceId == id)
            ?? (kind == UnitKind.SchoolUnit ? _units.FirstOrDefault(u => u.SourceId == null && u.SchoolUnitCode == code) : null);
        if (unit is null)
        {
            if (closed) return Skip("organisation", id, "Ss12000.Skip.ClosedBeforeImport", counts, o.EndDate!.Value);
            if (kind == UnitKind.SchoolUnit
                && await _db.OrganisationUnits.IgnoreQueryFilters().AnyAsync(u => u.SchoolUnitCode == code && u.OrganizerId != _organizerId, cancellationToken))
                return Skip("organisation", id, "Ss12000.Skip.CodeTaken", counts, code!);
            unit = kind switch
            {
                UnitKind.SchoolUnit => OrganisationUnit.SchoolUnit(_organizerId, parent.Id, name, code!),
                UnitKind.School => OrganisationUnit.School(_organizerId, parent.Id, name),
                _ => OrganisationUnit.Administration(_organizerId, name, parent.Id),
            };
            unit.LinkSource(id);
            _db.OrganisationUnits.Add(unit);
            _units.Add(unit);
            counts.Created++;
            Change("organisation", id, "Ss12000.Change.UnitCreated", name, parent.Name);
            return unit;
        }
        if (unit.Kind != kind) return Skip("organisation", id, "Ss12000.Skip.KindChanged", counts, unit.Name);
        if (unit.SchoolUnitCode != code) return Skip("organisation", id, "Ss12000.Skip.CodeChanged", counts, unit.SchoolUnitCode ?? "–", code ?? "–");

        var changed = unit.SourceId != id || unit.Name != name || unit.ParentId != parent.Id;
        if (unit.Name != name) Change("organisation", id, "Ss12000.Change.UnitRenamed", unit.Name, name);
        if (unit.ParentId != parent.Id) Change("organisation", id, "Ss12000.Change.UnitMoved", name, parent.Name);
        unit.LinkSource(id);
        unit.Rename(name);
        unit.MoveTo(parent.Id);
        if (closed && unit.ClosedOn is null)
        {
            unit.CloseFromSource(o.EndDate!.Value.AddDays(1)); // endDate is the last day open
            counts.Closed++;
            Change("organisation", id, "Ss12000.Change.UnitClosed", name, unit.ClosedOn!.Value);
        }
        else if (!closed && unit.ClosedOn is not null)
        {
            unit.Reopen();
            changed = true;
            Change("organisation", id, "Ss12000.Change.UnitReopened", name);
        }
        if (changed) counts.Updated++;
        return closed ? null : unit;
    }

    /// <summary>A unit imported before and missing from the source now is closed today.</summary>
    private void CloseUnitsGoneFromSource()
    {
        foreach (var unit in _units.Where(u => u != _top && u.SourceId is not null && u.ClosedOn is null && !_organisations.ContainsKey(u.SourceId)))
        {
            unit.CloseFromSource(_today);
            _summary.Organisations.Closed++;
            Change("organisation", unit.SourceId!, "Ss12000.Change.UnitClosed", unit.Name, _today);
        }
    }

    /// <summary>Checks every duty; returns the active Rektor duties at imported school units (person id → units).</summary>
    private List<(string PersonId, OrganisationUnit Unit, string DutyId)> ReadDuties(Ss12000Snapshot snapshot)
    {
        var personIds = snapshot.Persons.Where(p => !string.IsNullOrEmpty(p.Id)).Select(p => p.Id!).ToHashSet(StringComparer.Ordinal);
        var principals = new List<(string, OrganisationUnit, string)>();
        var counts = _summary.Duties;
        foreach (var d in snapshot.Duties)
        {
            var id = d.Id ?? "";
            var at = d.DutyAt?.Id;
            if (string.IsNullOrEmpty(d.Person?.Id) || !personIds.Contains(d.Person.Id)) Skip("duty", id, "Ss12000.Skip.DutyPersonMissing", counts);
            else if (string.IsNullOrEmpty(at) || !_organisations.ContainsKey(at)) Skip("duty", id, "Ss12000.Skip.DutyOrganisationMissing", counts);
            else if (_resolved.GetValueOrDefault(at) is not { } unit) Skip("duty", id, "Ss12000.Skip.DutyOrganisationSkipped", counts);
            else if (!(d.StartDate > _today) && !(d.EndDate < _today))
            {
                _staff.Add(d.Person.Id);
                if (d.DutyRole != Rektor) continue;
                if (unit.Kind != UnitKind.SchoolUnit) Skip("duty", id, "Ss12000.Skip.RektorNotAtSchoolUnit", counts, unit.Name);
                else principals.Add((d.Person.Id, unit, id));
            }
        }
        return principals;
    }

    private async Task<Dictionary<string, ImportedPerson>> ImportPersonsAsync(Ss12000Snapshot snapshot,
        List<(string PersonId, OrganisationUnit Unit, string DutyId)> principals, CancellationToken cancellationToken)
    {
        var existing = await _db.ImportedPersons.IgnoreQueryFilters().Where(p => p.OrganizerId == _organizerId)
            .ToDictionaryAsync(p => p.SourceId, StringComparer.Ordinal, cancellationToken);
        var counts = _summary.Persons;
        var imported = new Dictionary<string, ImportedPerson>(StringComparer.Ordinal);
        // Only staff with a current duty at an imported unit: nobody else's data is needed.
        foreach (var p in snapshot.Persons.Where(p => p.Id is not null && _staff.Contains(p.Id)).DistinctBy(p => p.Id))
        {
            var id = p.Id!;
            var name = $"{p.GivenName?.Trim()} {p.FamilyName?.Trim()}".Trim();
            if (name.Length is 0 or > ImportedPerson.NameMaxLength)
            {
                Skip("person", id, "Ss12000.Skip.Name", counts, ImportedPerson.NameMaxLength);
                continue;
            }
            var email = p.Emails?.FirstOrDefault(e => WorkEmailTypes.Contains(e.Type) && IsEmail(e.Value))?.Value!.Trim();
            var principalNames = (p.EduPersonPrincipalNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())
                .Where(n => n.Length <= ImportedPerson.EmailMaxLength).Distinct(StringComparer.Ordinal).ToList();
            var isProtected = ProtectedMarkings.Contains(p.SecurityMarking);
            if (!existing.TryGetValue(id, out var person))
            {
                person = new ImportedPerson(_organizerId, id);
                person.Update(name, email, principalNames, isProtected);
                _db.ImportedPersons.Add(person);
                counts.Created++;
                Change("person", id, "Ss12000.Change.PersonAdded", name);
            }
            else if (person.Update(name, email, principalNames, isProtected))
            {
                counts.Updated++;
                Change("person", id, "Ss12000.Change.PersonUpdated", name);
            }
            imported[id] = person;
        }
        foreach (var (personId, _, dutyId) in principals.Where(d => !imported.ContainsKey(d.PersonId)))
            Skip("duty", dutyId, "Ss12000.Skip.DutyPersonSkipped", _summary.Duties);
        return imported;
    }

    private static bool IsEmail(string? value) =>
        value is { Length: > 2 and <= ImportedPerson.EmailMaxLength } && value.Trim().Contains('@', StringComparison.Ordinal);

    /// <summary>A Rektor duty gives the Principal role at its school unit to the account of the person's work e-mail (found,
    /// or made without a password); an imported principal without the duty loses the role there.</summary>
    private async Task GrantPrincipalsAsync(List<(string PersonId, OrganisationUnit Unit, string DutyId)> principals,
        Dictionary<string, ImportedPerson> persons, CancellationToken cancellationToken)
    {
        var counts = _summary.Duties;
        var memberships = await _db.Memberships.IgnoreQueryFilters()
            .Where(m => m.OrganizerId == _organizerId && m.Role == Role.Principal).ToListAsync(cancellationToken);
        memberships.AddRange(_db.Memberships.Local.Where(m => m.OrganizerId == _organizerId && m.Role == Role.Principal && !memberships.Contains(m)));
        // Deactivated by the admin: the sync does not give them a role back.
        var deactivated = (await _db.SuspendedMemberships.IgnoreQueryFilters()
            .Where(m => m.OrganizerId == _organizerId && m.SuspendedByUserId != SyncActor).Select(m => m.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var wanted = new HashSet<(Guid User, Guid Unit)>();
        foreach (var (personId, unit, dutyId) in principals)
        {
            if (!persons.TryGetValue(personId, out var person)) continue;
            if (person.WorkEmail is null)
            {
                Skip("duty", dutyId, "Ss12000.Skip.RektorWithoutEmail", counts, person.Name);
                continue;
            }
            var user = await AccountAsync(person, cancellationToken);
            if (deactivated.Contains(user.Id))
            {
                Skip("duty", dutyId, "Ss12000.Skip.RektorDeactivated", counts, person.Name);
                continue;
            }
            if (!wanted.Add((user.Id, unit.Id))) continue;
            if (memberships.Any(m => m.UserId == user.Id && m.OrganisationUnitId == unit.Id)) continue;
            _db.Memberships.Add(new Membership(user.Id, _organizerId, Role.Principal, unit.Id, _now));
            counts.Created++;
            Change("duty", dutyId, "Ss12000.Change.PrincipalGranted", person.Name, unit.Name);
        }
        var imported = _db.ImportedPersons.Local.Where(p => p.OrganizerId == _organizerId && p.UserId is not null).Select(p => p.UserId!.Value).ToHashSet();
        var importedUnits = _units.Where(u => u.SourceId is not null).Select(u => u.Id).ToHashSet();
        foreach (var m in memberships.Where(m => imported.Contains(m.UserId) && importedUnits.Contains(m.OrganisationUnitId!.Value)
                     && !wanted.Contains((m.UserId, m.OrganisationUnitId.Value))))
        {
            _db.Memberships.Remove(m);
            counts.Closed++;
            var who = _db.ImportedPersons.Local.FirstOrDefault(p => p.UserId == m.UserId)?.Name ?? "–";
            Change("duty", "", "Ss12000.Change.PrincipalLost", who, _units.Single(u => u.Id == m.OrganisationUnitId).Name);
        }
    }

    /// <summary>A person the sync deactivated who has a current duty again gets their roles back.</summary>
    private async Task ReactivateReturningAsync(Dictionary<string, ImportedPerson> persons, CancellationToken cancellationToken)
    {
        var userIds = persons.Values.Where(p => p.UserId is not null).Select(p => p.UserId!.Value).ToList();
        var suspended = await _db.SuspendedMemberships.IgnoreQueryFilters()
            .Where(m => m.OrganizerId == _organizerId && userIds.Contains(m.UserId))
            .Select(m => new { m.UserId, m.SuspendedByUserId }).ToListAsync(cancellationToken);
        foreach (var userId in suspended.GroupBy(m => m.UserId).Where(g => g.All(m => m.SuspendedByUserId == SyncActor)).Select(g => g.Key))
        {
            if (!(await Deactivation.ReactivateAsync(_db, userId, _organizerId)).Succeeded) continue;
            var person = persons.Values.First(p => p.UserId == userId);
            _summary.Persons.Updated++;
            Change("person", person.SourceId, "Ss12000.Change.PersonReactivated", person.Name);
        }
    }

    /// <summary>An imported person with an account and no current duty at the organizer any more is deactivated: their
    /// roles here are suspended, and their sessions end when no role is left anywhere.</summary>
    private async Task DeactivateLeaversAsync(Dictionary<string, ImportedPerson> persons, CancellationToken cancellationToken)
    {
        var leavers = await _db.ImportedPersons.IgnoreQueryFilters()
            .Where(p => p.OrganizerId == _organizerId && p.UserId != null).ToListAsync(cancellationToken);
        foreach (var person in leavers.Where(p => !persons.ContainsKey(p.SourceId)))
        {
            var userId = person.UserId!.Value;
            if (!await _db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId && m.OrganizerId == _organizerId, cancellationToken))
                continue;
            var result = await Deactivation.DeactivateAsync(_db, userId, _organizerId, SyncActor, _now);
            if (!result.Succeeded)
            {
                Skip("person", person.SourceId, result.Error!.Code, _summary.Persons, result.Error.Args);
                continue;
            }
            _summary.Persons.Closed++;
            Change("person", person.SourceId, "Ss12000.Change.PersonDeactivated", person.Name);
            var user = await _db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
            if (!user.IsPlatformAdmin && user.SupplierId is null
                && !await _db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId && m.OrganizerId != _organizerId, cancellationToken))
                user.SecurityStamp = Guid.NewGuid().ToString("N"); // ends their sessions
        }
    }

    private async Task<EnsaUser> AccountAsync(ImportedPerson person, CancellationToken cancellationToken)
    {
        var normalized = person.WorkEmail!.Normalize().ToUpperInvariant();
        var user = _db.Users.Local.FirstOrDefault(u => u.NormalizedEmail == normalized)
            ?? await _db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            // No password: the person signs in by resetting one, or later by their organizer's sign-in.
            user = EnsaUser.Create(person.WorkEmail, person.Name, _now);
            user.NormalizedEmail = user.NormalizedUserName = normalized;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            _db.Users.Add(user);
        }
        if (person.UserId != user.Id) person.LinkAccount(user.Id);
        return user;
    }

    private void Change(string type, string id, string what, params object[] args) =>
        _summary.Changes.Add(new ImportChange(type, id, new DomainError(what, args)));

    private OrganisationUnit? Skip(string type, string id, string reason, ImportCounts counts, params object[] args)
    {
        _summary.Skipped.Add(new SkippedRecord(type, id, new DomainError(reason, args)));
        counts.Skipped++;
        return null;
    }
}
